-- A running job's runner writes heartbeat_at every shotcraft.jobs.heartbeat-interval; a job whose runner stopped
-- writing (a crash, a restart, an outage of PostgreSQL while it ended) is failed by the sweeper with a reason.
ALTER TABLE job ADD COLUMN heartbeat_at timestamptz;
