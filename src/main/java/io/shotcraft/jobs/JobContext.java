package io.shotcraft.jobs;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * What a running job uses to report. Each call publishes an event in order; calls fail with
 * {@link JobCancelledException} once the job has been cancelled, which stops the work.
 */
public interface JobContext {

    UUID jobId();

    /** Records progress (0–100) and the current stage, and publishes a {@code progress} event. */
    default Uni<Void> progress(int percent, String stage) {
        return progress(percent, stage, null);
    }

    /** As {@link #progress(int, String)}, the event also naming the step within the stage (when not null). */
    Uni<Void> progress(int percent, String stage, String step);

    /** Publishes a named event whose data is {@code data} serialised as JSON. */
    Uni<Void> emit(String event, Object data);
}
