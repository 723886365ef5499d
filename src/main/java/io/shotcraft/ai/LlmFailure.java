package io.shotcraft.ai;

import java.time.Duration;
import java.util.Locale;

/** Why a model call gave no usable answer; {@code reason()} becomes the result's {@code fallback_reason}. */
public class LlmFailure extends RuntimeException {

    public enum Reason {
        TIMEOUT(true),
        RATE_LIMITED(true),
        SERVER_ERROR(true),
        UNREACHABLE(true),
        CLIENT_ERROR(false),
        MALFORMED_OUTPUT(false),
        SCHEMA_VIOLATION(false),
        INVALID_OUTPUT(false),
        CIRCUIT_OPEN(false),
        ERROR(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final Duration retryAfter;
    private final Usage spent;

    public LlmFailure(Reason reason, String message, Duration retryAfter) {
        this(reason, message, retryAfter, Usage.NONE);
    }

    private LlmFailure(Reason reason, String message, Duration retryAfter, Usage spent) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
        this.spent = spent;
    }

    /** An answer that came back but was refused: its tokens were still spent. */
    public static LlmFailure refused(Reason reason, String message, Usage spent) {
        return new LlmFailure(reason, message, null, spent);
    }

    public LlmFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** Tokens (and cost, once priced) of a refused answer; none for calls that got no answer. */
    public Usage spent() {
        return spent;
    }

    /** What the endpoint asked us to wait before trying again (429/503 Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
