package io.shotcraft.jobs;

/**
 * One event of a job as stored in its Redis stream and sent over SSE: {@code id} is the stream entry id
 * (monotonic, usable as {@code Last-Event-ID}), {@code data} is JSON text.
 */
public record JobEvent(String id, String name, String data) {

    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String PROGRESS = "progress";
    public static final String STAGE_UPDATE = "stage_update";
    /** The job starts again (its runner stopped before it ended); what came before this event is superseded. */
    public static final String RESTARTED = "restarted";
    /** The last event of a stream cut short (its store is unreachable): reconnect with {@code Last-Event-ID}. */
    public static final String STREAM_ERROR = "stream_error";

    public boolean terminal() {
        return COMPLETED.equals(name) || FAILED.equals(name);
    }
}
