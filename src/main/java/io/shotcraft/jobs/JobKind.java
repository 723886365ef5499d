package io.shotcraft.jobs;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * A kind of long-running work. Features implement it as a CDI bean; {@link JobService} runs it, records its
 * state in PostgreSQL and publishes its events to Redis.
 */
public interface JobKind {

    /** The name clients submit and that job records carry, e.g. {@code clips.prompts}. */
    String name();

    /**
     * Checks the input before the job is accepted, so that bad input is refused with 400 instead of becoming a
     * failed job. Throw a {@link io.shotcraft.platform.ProblemException}; return the input to run with.
     */
    default JsonNode validate(JsonNode input) {
        return input;
    }

    /** Does the work, reporting through {@code context}; the item is the job's result, serialised as JSON. */
    Uni<?> run(JsonNode input, JobContext context);
}
