-- Tuning sessions: one row per session, one append-only row per revision.
CREATE TABLE tuning_session (
    id          uuid PRIMARY KEY,
    revision    integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX tuning_session_updated_idx ON tuning_session (updated_at DESC, id DESC);

CREATE TABLE tuning_revision (
    session_id  uuid         NOT NULL REFERENCES tuning_session (id) ON DELETE CASCADE,
    number      integer      NOT NULL CHECK (number >= 1),
    prompt      text         NOT NULL,
    -- JSON arrays as text, written and read only by the service: parameters as [{"name", "value"}…] in the
    -- prompt's order (an array keeps the order; jsonb objects would not), changes as ["…"].
    parameters  text         NOT NULL,
    request     text,
    changes     text         NOT NULL,
    engine      varchar(16)  NOT NULL,
    model       varchar(128),
    created_at  timestamptz  NOT NULL,
    -- Two edits that read the same latest revision cannot both append the next one.
    PRIMARY KEY (session_id, number)
);
