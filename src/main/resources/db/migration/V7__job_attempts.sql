-- How many times a job has been started. Jobs are taken from a shared queue; a job whose runner died is taken
-- over by another instance and started again, up to shotcraft.jobs.queue.max-attempts. The attempt number also
-- fences a stale runner: its progress and outcome are only written while the job's current attempt is its own.
ALTER TABLE job ADD COLUMN attempts integer NOT NULL DEFAULT 0;
