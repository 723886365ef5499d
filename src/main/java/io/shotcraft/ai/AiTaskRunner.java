package io.shotcraft.ai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.guardrail.GuardrailException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.platform.StorableText;
import io.shotcraft.platform.Workers;
import io.smallrye.mutiny.Uni;

/**
 * Answers an {@link AiTask} with the right engine, the same way for every task: offline when asked, configured, without
 * an API key, or while the task's circuit breaker is open; else from the result cache; else through the task's AI
 * service (model calls guarded, priced and capped by {@link TaskModels}, checked and repaired once by the task's
 * guardrail), with the offline twin answering whenever that fails. Every answer says which engine made it and why the
 * offline one did, carries the usage of every billed call (rejected and repaired ones too), and is recorded as one
 * usage row and metered. Model calls and offline engines run on worker threads, never on the event loop; the result is
 * delivered back on the caller's Vert.x context.
 */
@ApplicationScoped
public class AiTaskRunner {

    private final AiCache cache;
    private final ModelGuards guards;
    private final Prompts prompts;
    private final UsageRecorder usage;
    private final AiMetrics metrics;
    private final AiConfig config;
    private final TaskTuning tuning;
    private final ObjectMapper json;

    public AiTaskRunner(AiCache cache, ModelGuards guards, Prompts prompts, UsageRecorder usage, AiMetrics metrics,
            AiConfig config, TaskTuning tuning, ObjectMapper json) {
        this.cache = cache;
        this.guards = guards;
        this.prompts = prompts;
        this.usage = usage;
        this.metrics = metrics;
        this.config = config;
        this.tuning = tuning;
        this.json = json;
    }

    void announce(@Observes StartupEvent event) {
        if (llmAvailable()) {
            Log.infof("AI engine: LLM at %s (engine=%s), offline engines as fallback", config.baseUrl(),
                    config.engine().name().toLowerCase());
        } else {
            Log.infof("AI engine: offline (engine=%s%s)", config.engine().name().toLowerCase(),
                    config.effectiveApiKey().isEmpty() ? ", no OPENAI_API_KEY set" : "");
        }
    }

    public boolean llmAvailable() {
        return config.engine() != AiConfig.EngineChoice.OFFLINE && config.effectiveApiKey().isPresent();
    }

    /** The settings a call of this task runs with (the task's, else the shared ones; the call's model and ceiling). */
    public TaskSettings settings(String task, AiCall call) {
        var settings = TaskSettings.of(config, task);
        if (call.model() != null) {
            settings = settings.withModel(call.model());
        }
        if (call.maxTokens() != null) {
            settings = settings.withMaxTokens(Math.min(call.maxTokens(), settings.maxTokens()));
        }
        return tuning.settings(settings, call.correlationId());
    }

    public <I, A> Uni<AiOutcome<A>> run(AiTask<I, A> task, I input, AiCall call) {
        long started = System.nanoTime();
        var declared = new TaskTuning.PromptVersion(prompts.version(task.promptFiles()), null);
        var prompt = tuning.prompt(task.name(), declared, call.correlationId());
        // Captured now: the cache lookup below may deliver on another thread, and the result must come back here.
        var back = Workers.callersContext();
        if (call.options().wantsOffline() || config.engine() == AiConfig.EngineChoice.OFFLINE) {
            return offline(task, input, call, prompt.version(), null, started, back);
        }
        if (config.effectiveApiKey().isEmpty()) {
            return offline(task, input, call, prompt.version(), "no_api_key", started, back);
        }
        var settings = settings(task.name(), call);
        if (guards.open(settings)) {
            return offline(task, input, call, prompt.version(), LlmFailure.Reason.CIRCUIT_OPEN.wire(), started, back);
        }
        var key = cache.key(task.name(), settings.model(), prompt.version(),
                new CacheInput(task.cacheKey(input), config.outputLanguage()), call.seed());
        return cache.get(task.name(), key).chain(hit -> {
            var value = hit == null ? null : read(hit, task);
            if (value != null) {
                record(task.name(), Engine.LLM, hit.model(), prompt.version(), Usage.NONE, 0, started, "cache_hit", true,
                        call.correlationId());
                return Uni.createFrom().item(new AiOutcome<>(value, Engine.LLM, hit.model(), true, Usage.NONE, null,
                        prompt.version()));
            }
            var invocation = new Invocation(task, input, settings, call, cap(call), prompt);
            return Workers.run(() -> invocation.run(() -> ask(task, input, invocation, started)), back)
                    .call(outcome -> outcome.engine() == Engine.LLM
                            ? cache.put(task.name(), key, new AiCache.Entry(json.valueToTree(outcome.value()), outcome.model(),
                                    outcome.usage().tokensIn(), outcome.usage().tokensOut()))
                            : Uni.createFrom().voidItem());
        });
    }

    /** What keys the cache besides the task, model, prompt version and seed (serialised: registered for the native image). */
    @RegisterForReflection
    record CacheInput(Object input, String language) {
    }

    private <I, A> AiOutcome<A> ask(AiTask<I, A> task, I input, Invocation invocation, long started) {
        var correlationId = invocation.call.correlationId();
        A value;
        try {
            value = task.ask(input);
        } catch (RuntimeException e) {
            var reason = reason(e, invocation);
            Log.debugf("%s [%s]: model answer not used (%s: %s); answering offline", task.name(), correlationId, reason,
                    StorableText.forLog(e.getMessage()));
            invocation.resetPartials();
            record(task.name(), Engine.OFFLINE, invocation.calls > 0 ? invocation.model : null, invocation.prompt.version(),
                    invocation.usage(), invocation.tokensEstimated, started, reason, false, correlationId);
            var fallback = task.offline(input, reason);
            return new AiOutcome<>(fallback, Engine.OFFLINE, null, false, invocation.usage(), reason,
                    invocation.prompt.version());
        }
        record(task.name(), Engine.LLM, invocation.model, invocation.prompt.version(), invocation.usage(),
                invocation.tokensEstimated, started, "success", false, correlationId);
        return new AiOutcome<>(value, Engine.LLM, invocation.model, false, invocation.usage(), null, invocation.prompt.version());
    }

    private <I, A> Uni<AiOutcome<A>> offline(AiTask<I, A> task, I input, AiCall call, String version, String reason,
            long started, Executor back) {
        return Workers.run(() -> {
            var value = task.offline(input, reason);
            record(task.name(), Engine.OFFLINE, null, version, Usage.NONE, 0, started, reason == null ? "success" : reason,
                    false, call.correlationId());
            return new AiOutcome<>(value, Engine.OFFLINE, null, false, Usage.NONE, reason, version);
        }, back);
    }

    private <A> A read(AiCache.Entry hit, AiTask<?, A> task) {
        try {
            return json.treeToValue(hit.json(), task.answerType());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            Log.debugf("Cached answer of %s no longer reads as %s", task.name(), task.answerType().getSimpleName());
            return null;
        }
    }

    private BigDecimal cap(AiCall call) {
        return call.options().maxCostUsd() != null ? call.options().maxCostUsd() : config.defaultMaxCostUsd();
    }

    /** Why the model's answer was not used: the task's checks, or the failure of the call. */
    private static String reason(Throwable error, Invocation invocation) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GuardrailException) {
                return invocation.refusal != null ? invocation.refusal : LlmFailure.Reason.INVALID_OUTPUT.wire();
            }
        }
        return ModelGuards.classify(error).reason().wire();
    }

    private void record(String task, Engine engine, String model, String promptVersion, Usage spent, int estimated,
            long started, String outcome, boolean cached, String correlationId) {
        var latency = Duration.ofNanos(System.nanoTime() - started);
        metrics.answered(task, engine, model, outcome, latency);
        if (model != null && spent.tokensIn() + spent.tokensOut() > 0) {
            metrics.spent(task, model, spent.tokensIn(), spent.tokensOut(), spent.costUsd());
        }
        usage.record(new UsageRecorder.Row(task, engine, model, promptVersion, spent.tokensIn(), spent.tokensOut(), estimated,
                spent.costUsd(), latency.toMillis(), outcome, cached, correlationId));
    }
}
