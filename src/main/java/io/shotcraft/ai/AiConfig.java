package io.shotcraft.ai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings every AI task shares ({@code shotcraft.ai.*}). A task's own settings ({@code shotcraft.ai.tasks.<task>.*})
 * are all optional: what a task does not set it inherits from here, so a new task needs no property at all.
 */
@ConfigMapping(prefix = "shotcraft.ai")
public interface AiConfig {

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
     * {@code json_schema}: strict structured output; {@code json_object}: JSON mode with the schema in the prompt, for
     * endpoints without structured output.
     */
    @WithDefault("json_schema")
    StructuredOutput structuredOutput();

    /** The model of a task that names none. */
    @WithDefault("gpt-4.1-mini")
    String model();

    @WithDefault("0.7")
    double temperature();

    /** Most tokens of an answer. */
    @WithDefault("1000")
    int maxTokens();

    /** Longest wait for the model part of one request: every attempt and repair of its task together. */
    @WithDefault("PT20S")
    Duration timeout();

    /** Retries of one model call on 5xx, 429 and unreachable endpoints, within the timeout (a timed-out call is not retried). */
    @WithDefault("2")
    int maxRetries();

    /** First backoff between retries; doubles each time, with jitter. */
    @WithDefault("PT0.25S")
    Duration initialBackoff();

    /** Longest wait between two attempts, also when Retry-After asks for more (then the call gives up). */
    @WithDefault("PT10S")
    Duration maxBackoff();

    /** The circuit breaker of each task and model. */
    Breaker breaker();

    /** Cost cap of one request in USD when the request names none ({@code options.max_cost_usd}). */
    @WithDefault("0.05")
    BigDecimal defaultMaxCostUsd();

    /** Language the LLM writes prompts in, whatever the language of the input. */
    @WithDefault("English")
    String outputLanguage();

    Cache cache();

    /** Per-task settings, by task name; each one unset is inherited from the settings above. */
    Map<String, Task> tasks();

    /** USD per million tokens, by model name; a model missing here costs the {@code default} entry. */
    Map<String, Price> prices();

    interface Cache {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("P7D")
        Duration ttl();

        /**
         * Longest wait for Redis on a cache read or write before it is skipped. A skipped read costs a model call, so
         * this is generous: a burst of 64 requests on 2 cores saw reads of over 200 ms.
         */
        @WithDefault("PT1S")
        Duration timeout();
    }

    /** When a task's breaker opens: after enough calls, most of them failed; it stays open for the delay. */
    interface Breaker {
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        @WithDefault("PT30S")
        Duration delay();
    }

    interface Task {
        Optional<String> model();

        OptionalDouble temperature();

        OptionalInt maxTokens();

        Optional<Duration> timeout();

        OptionalInt maxRetries();

        OptionalInt breakerRequestVolumeThreshold();

        OptionalDouble breakerFailureRatio();

        Optional<Duration> breakerDelay();
    }

    interface Price {
        BigDecimal inputPerMillion();

        BigDecimal outputPerMillion();
    }

    enum EngineChoice {
        AUTO, LLM, OFFLINE
    }

    enum StructuredOutput {
        JSON_SCHEMA, JSON_OBJECT
    }
}
