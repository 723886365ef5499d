package io.shotcraft.ai;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Shotcraft's AI meters, beside the extension's own: answers by task, engine, model and outcome; latency;
 * tokens; cost; result cache hits, misses and errors.
 */
@ApplicationScoped
public class AiMetrics {

    private final MeterRegistry registry;

    public AiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String task, Engine engine, String model, String outcome, Duration latency) {
        var modelTag = model == null ? "none" : model;
        Counter.builder("shotcraft.ai.calls").description("AI task answers by task, engine, model and outcome")
                .tag("task", task).tag("engine", engine.wire()).tag("model", modelTag).tag("outcome", outcome)
                .register(registry).increment();
        Timer.builder("shotcraft.ai.latency").description("Time to answer an AI task")
                .tag("task", task).tag("engine", engine.wire()).publishPercentileHistogram()
                .register(registry).record(latency);
    }

    void spent(String task, String model, int tokensIn, int tokensOut, BigDecimal cost) {
        Counter.builder("shotcraft.ai.tokens").tag("task", task).tag("model", model).tag("direction", "in")
                .register(registry).increment(tokensIn);
        Counter.builder("shotcraft.ai.tokens").tag("task", task).tag("model", model).tag("direction", "out")
                .register(registry).increment(tokensOut);
        Counter.builder("shotcraft.ai.cost.usd").description("Model spend in USD").tag("task", task).tag("model", model)
                .register(registry).increment(cost.doubleValue());
    }

    void cache(String task, String result) {
        Counter.builder("shotcraft.ai.cache").description("Result cache lookups by result (hit, miss, error)")
                .tag("task", task).tag("result", result).register(registry).increment();
    }
}
