package io.shotcraft.ai;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.shotcraft.platform.ShotcraftConfig;
import io.smallrye.mutiny.Uni;

/**
 * Answers an AI task with the right engine: offline when asked, configured, or without an API key; else
 * the cache, then the LLM within the cost cap, falling back to the offline engine on any failure. Every
 * answer says which engine made it and why the offline one did, and is recorded and metered.
 */
@ApplicationScoped
public class AiTaskRunner {

    private final LlmClient llm;
    private final AiCache cache;
    private final TokenEstimator tokens;
    private final Pricing pricing;
    private final UsageRecorder usage;
    private final AiMetrics metrics;
    private final ShotcraftConfig.Ai config;

    public AiTaskRunner(LlmClient llm, AiCache cache, TokenEstimator tokens, Pricing pricing, UsageRecorder usage,
            AiMetrics metrics, ShotcraftConfig config) {
        this.llm = llm;
        this.cache = cache;
        this.tokens = tokens;
        this.pricing = pricing;
        this.usage = usage;
        this.metrics = metrics;
        this.config = config.ai();
    }

    void announce(@jakarta.enterprise.event.Observes StartupEvent event) {
        if (llmAvailable()) {
            Log.infof("AI engine: LLM at %s (engine=%s), offline engines as fallback", config.baseUrl(),
                    config.engine().name().toLowerCase());
        } else {
            Log.infof("AI engine: offline (engine=%s%s)", config.engine().name().toLowerCase(),
                    config.effectiveApiKey().isEmpty() ? ", no OPENAI_API_KEY set" : "");
        }
    }

    public boolean llmAvailable() {
        return config.engine() != ShotcraftConfig.EngineChoice.OFFLINE && config.effectiveApiKey().isPresent();
    }

    public <T> Uni<AiOutcome<T>> run(AiRequest<T> request) {
        long started = System.nanoTime();
        var call = request.call();
        if (request.options().wantsOffline() || config.engine() == ShotcraftConfig.EngineChoice.OFFLINE) {
            return offline(request, null, started, 0);
        }
        if (config.effectiveApiKey().isEmpty()) {
            return offline(request, "no_api_key", started, 0);
        }
        var key = cache.key(call.task(), call.model(), request.promptVersion(), request.cacheInput(), call.seed());
        return cache.get(call.task(), key).chain(hit -> {
            if (hit != null) {
                try {
                    var value = request.fromLlm().apply(hit.json());
                    return Uni.createFrom().item(cached(request, hit, value, started));
                } catch (LlmFailure rejected) {
                    Log.debugf("Cached answer for %s no longer passes its checks: %s", call.task(), rejected.getMessage());
                }
            }
            return callModel(request, key, started);
        });
    }

    private <T> Uni<AiOutcome<T>> callModel(AiRequest<T> request, String key, long started) {
        var call = request.call();
        int estimatedIn = tokens.countMessages(call.model(), call.systemPrompt(), call.userText());
        var estimate = pricing.cost(call.model(), estimatedIn, call.maxTokens());
        var cap = request.options().maxCostUsd() != null ? request.options().maxCostUsd() : config.defaultMaxCostUsd();
        if (estimate.compareTo(cap) > 0) {
            Log.infof("%s [%s]: estimated cost %s USD is over the cap of %s USD; answering offline", call.task(),
                    request.correlationId(), estimate.toPlainString(), cap.toPlainString());
            return offline(request, "budget_exceeded", started, estimatedIn);
        }
        return llm.complete(call)
                .chain(answer -> {
                    T value;
                    try {
                        value = request.fromLlm().apply(answer.json());
                    } catch (LlmFailure refused) {
                        return fallBack(request, LlmFailure.refused(refused.reason(), refused.getMessage(),
                                new Usage(answer.tokensIn(), answer.tokensOut(), null)), answer.model(), estimatedIn, started);
                    }
                    var entry = new AiCache.Entry(answer.json(), answer.model(), answer.tokensIn(), answer.tokensOut());
                    return cache.put(call.task(), key, entry).replaceWith(answered(request, answer, value, estimatedIn, started));
                })
                .onFailure().recoverWithUni(error -> fallBack(request, error, call.model(), estimatedIn, started));
    }

    /** Records what the failed call cost, then lets the offline engine answer. */
    private <T> Uni<AiOutcome<T>> fallBack(AiRequest<T> request, Throwable error, String model, int estimatedIn, long started) {
        var reason = reason(error);
        var task = request.call().task();
        var spent = Usage.NONE;
        if (error instanceof LlmFailure failure && failure.spent().tokensIn() + failure.spent().tokensOut() > 0) {
            var tokens = failure.spent();
            spent = new Usage(tokens.tokensIn(), tokens.tokensOut(), pricing.cost(model, tokens.tokensIn(), tokens.tokensOut()));
            metrics.spent(task, model, spent.tokensIn(), spent.tokensOut(), spent.costUsd());
        }
        record(request, Engine.LLM, model, spent, estimatedIn, started, reason, false);
        Log.warnf("%s [%s]: model call failed (%s: %s); answering offline", task, request.correlationId(), reason,
                error.getMessage());
        return offline(request, reason, started, estimatedIn);
    }

    private <T> AiOutcome<T> answered(AiRequest<T> request, LlmAnswer answer, T value, int estimatedIn, long started) {
        var spent = new Usage(answer.tokensIn(), answer.tokensOut(),
                pricing.cost(answer.model(), answer.tokensIn(), answer.tokensOut()));
        record(request, Engine.LLM, answer.model(), spent, estimatedIn, started, "success", false);
        metrics.spent(request.call().task(), answer.model(), spent.tokensIn(), spent.tokensOut(), spent.costUsd());
        return new AiOutcome<>(value, Engine.LLM, answer.model(), false, spent, null, request.promptVersion());
    }

    private <T> AiOutcome<T> cached(AiRequest<T> request, AiCache.Entry hit, T value, long started) {
        record(request, Engine.LLM, hit.model(), Usage.NONE, 0, started, "cache_hit", true);
        return new AiOutcome<>(value, Engine.LLM, hit.model(), true, Usage.NONE, null, request.promptVersion());
    }

    private <T> Uni<AiOutcome<T>> offline(AiRequest<T> request, String reason, long started, int estimatedIn) {
        return Uni.createFrom().item(() -> {
            var value = request.offline().get();
            record(request, Engine.OFFLINE, null, Usage.NONE, estimatedIn, started, "success", false);
            return new AiOutcome<>(value, Engine.OFFLINE, null, false, Usage.NONE, reason, request.promptVersion());
        });
    }

    private void record(AiRequest<?> request, Engine engine, String model, Usage spent, int estimatedIn, long started,
            String outcome, boolean cached) {
        var latency = Duration.ofNanos(System.nanoTime() - started);
        metrics.answered(request.call().task(), engine, model, outcome, latency);
        usage.record(new UsageRecorder.Row(request.call().task(), engine, model, request.promptVersion(), spent.tokensIn(),
                spent.tokensOut(), estimatedIn, spent.costUsd() == null ? BigDecimal.ZERO : spent.costUsd(),
                latency.toMillis(), outcome, cached, request.correlationId()));
    }

    private static String reason(Throwable error) {
        if (error instanceof CircuitBreakerOpenException) {
            return "circuit_open";
        }
        if (error instanceof LlmFailure failure) {
            return failure.reason().wire();
        }
        return LlmClient.classify(error).reason().wire();
    }
}
