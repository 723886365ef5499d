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
        BUDGET_EXCEEDED(false),
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

    /** No stack trace: a failure is an expected outcome, counted and answered offline, never a bug to trace. */
    public LlmFailure(Reason reason, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public LlmFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** What the endpoint asked us to wait before trying again (429/503 Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
