-- One row per AI task answer: which engine made it, what the model call cost and how it ended.
CREATE TABLE ai_usage (
    id              bigserial PRIMARY KEY,
    task            varchar(64)   NOT NULL,
    engine          varchar(16)   NOT NULL CHECK (engine IN ('llm', 'offline')),
    model           varchar(128),
    prompt_version  varchar(64),
    tokens_in       integer       NOT NULL DEFAULT 0,
    tokens_out      integer       NOT NULL DEFAULT 0,
    tokens_estimated integer      NOT NULL DEFAULT 0,
    cost_usd        numeric(12, 6) NOT NULL DEFAULT 0,
    latency_ms      integer       NOT NULL,
    outcome         varchar(32)   NOT NULL,
    cached          boolean       NOT NULL DEFAULT false,
    correlation_id  varchar(128),
    created_at      timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX ai_usage_created_at_idx ON ai_usage (created_at DESC);
CREATE INDEX ai_usage_correlation_idx ON ai_usage (correlation_id);
