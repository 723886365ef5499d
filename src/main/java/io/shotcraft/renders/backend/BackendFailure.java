package io.shotcraft.renders.backend;

import java.time.Duration;
import java.util.Locale;

/**
 * Why a backend did not deliver, in words a client can be shown: no secret, no Java name, no prompt. {@code reason}
 * is stable (the render's {@code error.reason}); {@code retryAfter} is what the backend asked for with a 429 or 503.
 */
public class BackendFailure extends RuntimeException {

    public enum Reason {
        RATE_LIMITED(true, false), SERVER_ERROR(true, true), UNREACHABLE(true, true), TIMEOUT(false, true),
        CLIENT_ERROR(false, false), CIRCUIT_OPEN(false, false), FAILED(false, false), CANCELED(false, false),
        INVALID_OUTPUT(false, false), OUTPUT_TOO_LARGE(false, false), FOREIGN_URL(false, false), DEADLINE(false, false);

        private final boolean retryable;
        private final boolean breaks;

        Reason(boolean retryable, boolean breaks) {
            this.retryable = retryable;
            this.breaks = breaks;
        }

        /** Worth another attempt of the same call. */
        public boolean retryable() {
            return retryable;
        }

        /** Counts against the backend's circuit breaker (the backend is unwell, not the request). */
        public boolean breaks() {
            return breaks;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String backend;
    private final Reason reason;
    private final transient Duration retryAfter;

    public BackendFailure(String backend, Reason reason, String message) {
        this(backend, reason, message, null);
    }

    public BackendFailure(String backend, Reason reason, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.backend = backend;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public String backend() {
        return backend;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
