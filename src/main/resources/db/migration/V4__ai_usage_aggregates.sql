-- A usage row stands for `requests` answers: 1 for an answer's own row. When answers come faster than the
-- database takes them, the service sums answers of the same task, engine, model, prompt version, outcome and
-- cached flag into one aggregate row: requests is then how many answers it stands for, its tokens, cost and
-- latency columns are sums over them, correlation_id is null and created_at is the time of the latest one.
-- So sum(requests), sum(tokens_in), sum(cost_usd)… are totals over answers whichever way they were written.
-- A constant default: no table rewrite (PostgreSQL 11+); rows written before this migration count 1.
ALTER TABLE ai_usage ADD COLUMN requests integer NOT NULL DEFAULT 1;

COMMENT ON COLUMN ai_usage.requests IS
    'Answers this row stands for: 1, or more for an aggregate row whose numeric columns are sums over them';
