package io.shotcraft.platform;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every Shotcraft setting; each can be overridden by an environment variable (SHOTCRAFT_JOBS_POLL_INTERVAL…). */
@ConfigMapping(prefix = "shotcraft")
public interface ShotcraftConfig {

    Jobs jobs();

    Ai ai();

    Enhance enhance();

    Clips clips();

    interface Clips {
        /** false writes every clip prompt from the templates, never calling the model. */
        @WithDefault("true")
        boolean useLlm();

        /** Most clips one model call writes; longer plans are split into batches that run concurrently. */
        @WithDefault("20")
        int batchSize();

        /** Most clips one request may have. */
        @WithDefault("500")
        int maxClips();

        /** Longest prompt in words when the request names no limit. */
        @WithDefault("200")
        int defaultMaxWords();

        /** Largest estimated model cost in USD of one request when the request names none. */
        @WithDefault("0.50")
        BigDecimal maxCostUsd();
    }

    interface Enhance {
        /** A prompt of at least this many words is returned as it is (unless the request forces it). */
        @WithDefault("120")
        int skipWords();

        /** Longest result in words when the request names no limit. */
        @WithDefault("200")
        int defaultMaxWords();

        /**
         * Least share of the original's parameter values an LLM enhancement must keep; below it the model is
         * asked once to repair its answer, then the offline engine (which keeps every word) answers.
         */
        @WithDefault("0.8")
        double minFaithfulness();
    }

    interface Jobs {
        /** Longest a job's event stream may grow; older events are trimmed. */
        @WithDefault("10000")
        long eventsMaxLength();

        /** How long a finished job's events stay replayable. */
        @WithDefault("P1D")
        Duration eventsTtl();

        /** How often a subscriber looks for events another pod published (same-pod events arrive at once). */
        @WithDefault("PT0.25S")
        Duration pollInterval();

        /** Interval of the comment line that keeps idle SSE streams open through proxies. */
        @WithDefault("PT15S")
        Duration keepAlive();

        /** Longest wait for Redis before an API call answers 503. */
        @WithDefault("PT2S")
        Duration redisTimeout();
    }

    interface Ai {
        /** {@code auto} (the LLM when an API key is set, else offline), {@code llm} or {@code offline}. */
        @WithDefault("auto")
        EngineChoice engine();

        /**
         * Key of the OpenAI-compatible endpoint; when unset, {@code OPENAI_API_KEY} is used (see
         * {@link #effectiveApiKey()}). None means offline in auto mode.
         */
        Optional<String> apiKey();

        default Optional<String> effectiveApiKey() {
            return apiKey().filter(k -> !k.isBlank())
                    .or(() -> Optional.ofNullable(System.getenv("OPENAI_API_KEY")).filter(k -> !k.isBlank()));
        }

        /** Base URL of the OpenAI-compatible endpoint ({@code OPENAI_BASE_URL}). */
        @WithDefault("https://api.openai.com/v1")
        String baseUrl();

        /**
         * {@code json_schema}: strict structured output; {@code json_object}: JSON mode with the schema in the
         * prompt, for endpoints without structured output.
         */
        @WithDefault("json_schema")
        StructuredOutput structuredOutput();

        /** Retries of one model call on timeouts, 5xx and 429. */
        @WithDefault("2")
        int maxRetries();

        /** First backoff between retries; doubles each time, with jitter. */
        @WithDefault("PT0.25S")
        Duration initialBackoff();

        /** Longest wait between two attempts, also when Retry-After asks for more (then the call gives up). */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /** Cost cap of one request in USD when the request names none ({@code options.max_cost_usd}). */
        @WithDefault("0.05")
        BigDecimal defaultMaxCostUsd();

        /** Language the LLM writes prompts in, whatever the language of the input. */
        @WithDefault("English")
        String outputLanguage();

        Cache cache();

        /** Per-task model settings, by task name (enhance, …). */
        Map<String, Task> tasks();

        /** USD per million tokens, by model name; a model missing here costs the {@code default} entry. */
        Map<String, Price> prices();

        interface Cache {
            @WithDefault("true")
            boolean enabled();

            @WithDefault("P7D")
            Duration ttl();

            /** Longest wait for Redis on a cache read or write before it is skipped. */
            @WithDefault("PT0.2S")
            Duration timeout();
        }

        interface Task {
            String model();

            @WithDefault("0.7")
            double temperature();

            @WithDefault("512")
            int maxTokens();

            @WithDefault("PT20S")
            Duration timeout();
        }

        interface Price {
            BigDecimal inputPerMillion();

            BigDecimal outputPerMillion();
        }
    }

    enum EngineChoice {
        AUTO, LLM, OFFLINE
    }

    enum StructuredOutput {
        JSON_SCHEMA, JSON_OBJECT
    }
}
