package io.shotcraft.learning.evolve;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.ai.AiCall;
import io.shotcraft.ai.AiOptions;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiTaskRunner;
import io.smallrye.mutiny.Uni;

/**
 * Evolves a study's prompt into two variants to A/B test ({@link EvolveTask}): by the LLM when one is configured,
 * else (and whenever the model fails, times out, its breaker is open or its answer breaks the rules after one repair)
 * by the {@link OfflinePromptEvolver}. The AI layer ({@link AiTaskRunner}) owns timeout, retries, circuit breaker,
 * cache, cost and usage, as for every task; the result says truthfully which engine wrote it.
 */
@ApplicationScoped
public class PromptEvolution {

    private final AiTaskRunner runner;
    private final EvolveTask task;

    public PromptEvolution(AiTaskRunner runner, EvolveTask task) {
        this.runner = runner;
        this.task = task;
    }

    public Uni<Evolution> evolve(EvolutionInput input) {
        return evolve(input, AiOptions.DEFAULT, "evolve-" + UUID.randomUUID());
    }

    /** As {@link #evolve(EvolutionInput)}, with a request's options (engine, cost cap) and its correlation id. */
    public Uni<Evolution> evolve(EvolutionInput input, AiOptions options, String correlationId) {
        if (input.currentPrompt() == null || input.currentPrompt().isBlank()) {
            return Uni.createFrom().failure(new IllegalArgumentException("There is no current prompt to evolve"));
        }
        if (input.maxLength() <= 0) {
            return Uni.createFrom().failure(new IllegalArgumentException("max_length must be positive"));
        }
        return runner.run(task, input, AiCall.of(options, correlationId)).map(outcome -> evolution(outcome, correlationId));
    }

    private static Evolution evolution(AiOutcome<EvolvedPrompts> outcome, String correlationId) {
        Log.debugf("learning-evolve [%s] engine=%s%s", correlationId, outcome.engine().wire(),
                outcome.fallbackReason() == null ? "" : " fallback_reason=" + outcome.fallbackReason());
        var variants = outcome.value().variants().stream()
                .map(v -> new PromptVariant(VariantRules.tidy(v.improvedPrompt()), v.changes(), v.reasoning(),
                        v.expectedImprovement()))
                .toList();
        return new Evolution(variants, outcome.engine().wire(), outcome.model(), outcome.cached());
    }
}
