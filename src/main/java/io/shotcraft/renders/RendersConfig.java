package io.shotcraft.renders;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Settings of renders ({@code shotcraft.renders.*}): what any backend's output may be, how the job waits for an
 * asynchronous backend, and each backend's own settings. A backend's address and HTTP timeouts are its REST client's
 * ({@code quarkus.rest-client.<backend>.url}, {@code connect-timeout}, {@code read-timeout}); the {@code offline}
 * backend is always there, the others are enabled when they have an API key (or {@code enabled=true}).
 */
@ConfigMapping(prefix = "shotcraft.renders")
public interface RendersConfig {

    /** Largest output (image or video) accepted from a backend; a larger one fails the render, it is never cut. */
    @WithDefault("26214400")
    long maxOutputBytes();

    /** Longest a download of one output from a backend may take. */
    @WithDefault("PT60S")
    Duration downloadTimeout();

    /** Most outputs one render may ask for ({@code parameters.count}). */
    @WithDefault("4")
    int maxOutputs();

    /** Largest preview the offline backend draws (pixels); a larger size is scaled down, keeping its aspect ratio. */
    @WithDefault("1048576")
    int offlineMaxPixels();

    /** How an asynchronous render is polled: first wait, growth factor, longest wait between two polls. */
    Poll poll();

    /** Longest a render may take at its backend, from its creation to its last output, unless the backend sets its own. */
    @WithDefault("PT10M")
    Duration deadline();

    @WithName("openai-images")
    Backend openaiImages();

    Backend predictions();

    Backend leonardo();

    interface Poll {
        @WithDefault("PT0.5S")
        Duration initial();

        @WithDefault("1.5")
        double factor();

        @WithDefault("PT5S")
        Duration max();
    }

    /** One backend's settings. */
    interface Backend {

        /** Forces the backend on or off; without it, the backend is enabled when it has an API key. */
        Optional<Boolean> enabled();

        /** The API key, usually a reference to an environment variable in application.properties. */
        Optional<String> apiKey();

        /** The model used when a request names none. */
        Optional<String> defaultModel();

        /**
         * Hosts outputs may be downloaded from besides the backend's own ({@code cdn.example.com}, or
         * {@code *.example.com} for its subdomains); any other URL in an answer is refused.
         */
        Optional<List<String>> downloadHosts();

        /** Retries of a call answered 429 or 5xx, or that could not connect. */
        @WithDefault("2")
        int maxRetries();

        /** First wait before a retry when the backend says nothing (doubled each time, with jitter). */
        @WithDefault("PT0.5S")
        Duration initialBackoff();

        /** Longest wait before a retry: a longer Retry-After fails the render at once rather than holding it. */
        @WithDefault("PT30S")
        Duration maxRetryWait();

        /** This backend's own deadline ({@code shotcraft.renders.deadline} otherwise). */
        Optional<Duration> deadline();

        /** What one output costs, in USD, as the render's cost. */
        @WithDefault("0")
        BigDecimal costPerOutputUsd();

        /** The target-model groups (prompts/targets) this backend renders, for the Targets page's buttons. */
        Optional<List<String>> targetGroups();

        Breaker breaker();

        default boolean on() {
            return enabled().orElse(apiKey().filter(key -> !key.isBlank()).isPresent());
        }
    }

    /** The backend's circuit breaker: calls before it may open, the failure ratio that opens it, how long it stays open. */
    interface Breaker {
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("PT30S")
        Duration delay();
    }
}
