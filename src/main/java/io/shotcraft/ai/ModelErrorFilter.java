package io.shotcraft.ai;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import dev.langchain4j.exception.NonRetriableException;

/**
 * Turns an error answer of the model endpoint into a {@link ModelHttpError} before the langchain4j client
 * sees it. Two reasons: the client's own exception keeps status and body but drops {@code Retry-After},
 * which {@link LlmClient} honours; and the error is non-retriable for langchain4j, whose internal retry
 * (at least one, by configuration) would otherwise double every failing call behind Shotcraft's own retry.
 */
@Provider
public class ModelErrorFilter implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && request.getUri().getPath().endsWith("/chat/completions")) {
            throw new ModelHttpError(status, retryAfter(response.getHeaderString("Retry-After")));
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        var value = header.trim();
        try {
            double seconds = Double.parseDouble(value);
            return seconds < 0 ? null : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            try {
                var at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                var wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException unparsable) {
                return null;
            }
        }
    }

    /** An error answer from the model endpoint, with what Retry-After asked (or null). */
    public static class ModelHttpError extends NonRetriableException {
        private final int status;
        private final transient Duration retryAfter;

        ModelHttpError(int status, Duration retryAfter) {
            super("HTTP " + status + " from the model endpoint"
                    + (retryAfter == null ? "" : ", Retry-After " + retryAfter.toMillis() + " ms"));
            this.status = status;
            this.retryAfter = retryAfter;
        }

        public int status() {
            return status;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
