package io.shotcraft.jobs;

import java.util.UUID;

/** Signals a running job that it was cancelled; the cancelling request has already recorded the outcome. */
public class JobCancelledException extends RuntimeException {

    public JobCancelledException(UUID jobId) {
        super("Job " + jobId + " was cancelled", null, false, false);
    }
}
