package io.shotcraft.renders.backend;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.logging.Log;
import io.shotcraft.platform.StorableText;
import io.shotcraft.renders.backend.BackendFailure.Reason;

/** Turns what a backend's HTTP call failed with into a {@link BackendFailure}: status, Retry-After, the backend's words. */
final class HttpFailures {

    private static final int MAX_MESSAGE = 300;
    /** The backend's own explanation in the usual error shapes: {"error":{"message"}}, {"detail"}, {"error"}. */
    private static final Pattern MESSAGE = Pattern.compile("\"(?:message|detail|error)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,600})\"");

    private HttpFailures() {
    }

    /** An error answer (a client exception mapper's input), its body read once and cut short. */
    static BackendFailure of(String backend, Response response) {
        int status = response.getStatus();
        var retryAfter = retryAfter(response.getHeaderString("Retry-After"));
        String said = "";
        try {
            if (response.hasEntity()) {
                var matcher = MESSAGE.matcher(response.readEntity(String.class));
                said = matcher.find() ? ": " + cut(matcher.group(1).replace("\\\"", "\"")) : "";
            }
        } catch (RuntimeException unreadable) {
            // the status says enough
        }
        var message = "HTTP " + status + said;
        return new BackendFailure(backend, reason(status), message, retryAfter);
    }

    static Reason reason(int status) {
        if (status == 429) {
            return Reason.RATE_LIMITED;
        }
        if (status == 408 || status == 504) {
            return Reason.TIMEOUT;
        }
        return status >= 500 ? Reason.SERVER_ERROR : Reason.CLIENT_ERROR;
    }

    /** Whatever a call failed with, as a {@link BackendFailure} of this backend. */
    static BackendFailure classify(String backend, Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BackendFailure failure) {
                return failure;
            }
            if (t instanceof CircuitBreakerOpenException) {
                return new BackendFailure(backend, Reason.CIRCUIT_OPEN,
                        "its circuit breaker is open after repeated failures; try again later");
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return new BackendFailure(backend, Reason.UNREACHABLE, "it cannot be reached");
            }
            var name = t.getClass().getSimpleName();
            if (name.contains("Timeout") || String.valueOf(t.getMessage()).contains("timeout period")) {
                return new BackendFailure(backend, Reason.TIMEOUT, "it did not answer in time");
            }
        }
        Log.debugf(error, "Backend %s: call failed unexpectedly", backend);
        return new BackendFailure(backend, Reason.SERVER_ERROR, "its answer could not be read");
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                var wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** A backend's own text, short and printable (it may echo anything). */
    static String cut(String text) {
        return StorableText.forLog(text, MAX_MESSAGE);
    }
}
