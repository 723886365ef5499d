-- Long-running work: one row per job; its events live in a Redis stream keyed by the job id.
CREATE TABLE job (
    id          uuid PRIMARY KEY,
    kind        varchar(100) NOT NULL,
    status      varchar(16)  NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    progress    integer      NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    stage       varchar(200),
    input       jsonb,
    result      jsonb,
    error       jsonb,
    created_at  timestamptz  NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz
);

CREATE INDEX job_kind_created_at_idx ON job (kind, created_at DESC);
CREATE INDEX job_status_idx ON job (status) WHERE status IN ('queued', 'running');
