package io.shotcraft.jobs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Lifecycle of a job: queued → running → succeeded | failed | cancelled. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
