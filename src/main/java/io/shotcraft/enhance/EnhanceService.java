package io.shotcraft.enhance;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.platform.StorableText;
import io.shotcraft.ai.AiCall;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiTaskRunner;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Usage;
import io.shotcraft.parameters.offline.OfflineParameterExtractor;
import io.shotcraft.platform.Workers;
import io.shotcraft.platform.text.Words;
import io.smallrye.mutiny.Uni;

/** Rewrites a short prompt into a detailed cinematic one, by the LLM or the offline engine ({@link EnhanceTask}). */
@ApplicationScoped
public class EnhanceService {

    private final AiTaskRunner runner;
    private final EnhanceTask task;
    private final OfflineParameterExtractor extractor;
    private final EnhanceConfig config;

    public EnhanceService(AiTaskRunner runner, EnhanceTask task, OfflineParameterExtractor extractor, EnhanceConfig config) {
        this.runner = runner;
        this.task = task;
        this.extractor = extractor;
        this.config = config;
    }

    public Uni<EnhanceResponse> enhance(EnhanceRequest request, String correlationId) {
        var original = request.prompt().strip();
        var mode = request.modeOrDefault();
        int maxWords = request.maxWords() == null ? config.defaultMaxWords() : request.maxWords();
        if (!Boolean.TRUE.equals(request.force()) && Words.count(original) >= config.skipWords()) {
            return Uni.createFrom().item(new EnhanceResponse(original, original, mode, Engine.OFFLINE, null, false,
                    request.seed(), true, Usage.NONE, null, null, 1.0, List.of()));
        }
        var call = AiCall.of(request.optionsOrDefault(), correlationId).withSeed(request.seed());
        // What the original asks for, which the enhancement must keep: an offline extraction, CPU work for a worker.
        return Workers.run(() -> extractor.extract(original)).chain(wanted -> {
            var input = new EnhanceTask.Input(original, mode, request.imageUrl(), request.imageCaption(), maxWords,
                    request.seed() == null ? 0 : request.seed(), wanted);
            return runner.run(task, input, call).map(outcome -> respond(request, input, outcome, correlationId));
        });
    }

    private static EnhanceResponse respond(EnhanceRequest request, EnhanceTask.Input input, AiOutcome<EnhancedPrompt> outcome,
            String correlationId) {
        var text = outcome.engine() == Engine.LLM ? EnhanceChecks.tidy(outcome.value().enhanced()) : outcome.value().enhanced();
        var check = Faithfulness.of(input.wanted(), text);
        Log.debugf("enhance [%s] engine=%s%s original=\"%s\" enhanced=\"%s\"", correlationId, outcome.engine().wire(),
                outcome.fallbackReason() == null ? "" : " fallback_reason=" + outcome.fallbackReason(), StorableText.forLog(input.prompt()),
                StorableText.forLog(text));
        return new EnhanceResponse(input.prompt(), text, input.mode(), outcome.engine(), outcome.model(), outcome.cached(),
                request.seed(), false, outcome.usage(), outcome.fallbackReason(), outcome.promptVersion(), check.score(),
                check.lost());
    }
}
