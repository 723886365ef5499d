package io.shotcraft.ai;

/**
 * What a task's checks say of a model answer: usable; worth one repair (the model is told {@code instruction} and
 * answers again); or rejected outright. {@code reason} becomes the result's {@code fallback_reason} when the offline
 * engine answers in the end.
 */
public record Verdict(Kind kind, String reason, String message) {

    public enum Kind {
        OK, REPAIR, REJECT
    }

    private static final Verdict OK = new Verdict(Kind.OK, null, null);

    public static Verdict ok() {
        return OK;
    }

    /** Ask the model once more, telling it {@code instruction}; if the repair fails too, {@code reason}. */
    public static Verdict repair(String reason, String instruction) {
        return new Verdict(Kind.REPAIR, reason, instruction);
    }

    public static Verdict reject(String reason, String message) {
        return new Verdict(Kind.REJECT, reason, message);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }
}
