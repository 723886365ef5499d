package io.shotcraft.jobs;

import io.smallrye.mutiny.Uni;

/**
 * A kind of long-running work. Features implement it as a CDI bean; {@link JobService} runs it, records its state in
 * PostgreSQL and publishes its events to Redis. Every kind's input is a record: whatever endpoint submits a job, the
 * input is read into it and checked the same way (JSON types, Bean Validation, then {@link #check}), so bad input
 * is refused with the same 400 problem, fields named {@code input.…}, instead of becoming a failed job. A stored
 * input is checked again when the job runs (it may come from an older release).
 *
 * @param <I> the input record
 */
public interface JobKind<I> {

    /** The name clients submit and that job records carry, e.g. {@code clips.prompts}. */
    String name();

    /** The record the input is read into, with its Bean Validation constraints. */
    Class<I> inputType();

    /**
     * Checks Bean Validation cannot express; throw a {@link io.shotcraft.platform.ProblemException} whose field names
     * start with {@code prefix}.
     */
    default void check(I input, String prefix) {
    }

    /** Does the work, reporting through {@code context}; the item is the job's result, serialised as JSON. */
    Uni<?> run(I input, JobContext context);
}
