package io.shotcraft.enhance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiRequest;
import io.shotcraft.ai.AiTaskRunner;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.LlmCall;
import io.shotcraft.ai.LlmFailure;
import io.shotcraft.ai.Prompt;
import io.shotcraft.ai.Prompts;
import io.shotcraft.ai.Usage;
import io.shotcraft.platform.ShotcraftConfig;
import io.shotcraft.platform.text.Words;
import io.shotcraft.parameters.offline.OfflineParameterExtractor;
import io.smallrye.mutiny.Uni;

/** Rewrites a short prompt into a detailed cinematic one, by the LLM or the offline engine. */
@ApplicationScoped
public class EnhanceService {

    static final String TASK = "enhance";

    private final AiTaskRunner runner;
    private final Prompts prompts;
    private final OfflinePromptEnhancer offline;
    private final OfflineParameterExtractor extractor;
    private final ShotcraftConfig.Ai ai;
    private final ShotcraftConfig.Enhance config;

    public EnhanceService(AiTaskRunner runner, Prompts prompts, OfflinePromptEnhancer offline,
            OfflineParameterExtractor extractor, ShotcraftConfig config) {
        this.runner = runner;
        this.prompts = prompts;
        this.offline = offline;
        this.extractor = extractor;
        this.ai = config.ai();
        this.config = config.enhance();
    }

    public Uni<EnhanceResponse> enhance(EnhanceRequest request, String correlationId) {
        var original = request.prompt().strip();
        var mode = request.modeOrDefault();
        int maxWords = request.maxWords() == null ? config.defaultMaxWords() : request.maxWords();
        if (!Boolean.TRUE.equals(request.force()) && Words.count(original) >= config.skipWords()) {
            return Uni.createFrom().item(new EnhanceResponse(original, original, mode, Engine.OFFLINE, null, false,
                    request.seed(), true, Usage.NONE, null, null, 1.0, List.of()));
        }
        var wanted = extractor.extract(original);
        return runner.run(aiRequest(request, original, maxWords, null, correlationId)).chain(outcome -> {
            var check = Faithfulness.of(wanted, outcome.value());
            if (outcome.engine() != Engine.LLM || check.score() >= config.minFaithfulness()) {
                return Uni.createFrom().item(respond(request, original, mode, outcome, check, correlationId));
            }
            Log.infof("enhance [%s]: the model's prompt kept %.2f of the original's details (lost %s); asking it to repair",
                    correlationId, check.score(), check.lost());
            return runner.run(aiRequest(request, original, maxWords, check.lost(), correlationId)).map(repaired -> {
                var recheck = Faithfulness.of(wanted, repaired.value());
                var spent = add(outcome.usage(), repaired.usage());
                if (repaired.engine() == Engine.LLM && recheck.score() >= config.minFaithfulness()) {
                    return respond(request, original, mode, withUsage(repaired, spent), recheck, correlationId);
                }
                var fallback = offlineText(request, original, maxWords);
                var replaced = new AiOutcome<>(fallback, Engine.OFFLINE, null, false, spent, "unfaithful", outcome.promptVersion());
                return respond(request, original, mode, replaced, Faithfulness.of(wanted, fallback), correlationId);
            });
        });
    }

    private AiRequest<String> aiRequest(EnhanceRequest request, String original, int maxWords, List<String> lost,
            String correlationId) {
        var mode = request.modeOrDefault();
        var system = systemPrompt(mode);
        var user = prompts.get("enhance/user.md");
        var schema = prompts.get("enhance/schema.json");
        var task = ai.tasks().get(TASK);
        var userText = user.render(Map.of("prompt", original, "max_words", String.valueOf(maxWords),
                "image_section", imageSection(request)));
        if (lost != null) {
            userText += "\nYour previous version lost these details of the idea; keep every one of them: "
                    + String.join("; ", lost) + "\n";
        }
        var call = new LlmCall(TASK, task.model(), system.render(Map.of("language", ai.outputLanguage())), userText,
                mode == EnhanceMode.I2V ? request.imageUrl() : null,
                "enhanced_prompt", schema.text(), request.seed(), task.temperature(), task.maxTokens(), task.timeout());
        Map<String, Object> cacheInput = new LinkedHashMap<>();
        cacheInput.put("prompt", original);
        cacheInput.put("mode", mode.name());
        cacheInput.put("image_url", request.imageUrl());
        cacheInput.put("image_caption", request.imageCaption());
        cacheInput.put("max_words", maxWords);
        cacheInput.put("language", ai.outputLanguage());
        cacheInput.put("repair", lost);
        return new AiRequest<>(call, Prompt.versionOf(system, user, schema), cacheInput, request.optionsOrDefault(), correlationId,
                (JsonNode json) -> fromModel(json, maxWords), () -> offlineText(request, original, maxWords));
    }

    private String offlineText(EnhanceRequest request, String original, int maxWords) {
        return offline.enhance(original, request.modeOrDefault(), request.imageCaption(),
                request.seed() == null ? 0 : request.seed(), maxWords).text();
    }

    private static Usage add(Usage a, Usage b) {
        return new Usage(a.tokensIn() + b.tokensIn(), a.tokensOut() + b.tokensOut(), a.costUsd().add(b.costUsd()));
    }

    private static AiOutcome<String> withUsage(AiOutcome<String> outcome, Usage usage) {
        return new AiOutcome<>(outcome.value(), outcome.engine(), outcome.model(), outcome.cached(), usage,
                outcome.fallbackReason(), outcome.promptVersion());
    }

    private Prompt systemPrompt(EnhanceMode mode) {
        return mode == EnhanceMode.I2V
                ? prompts.get("shared/structured-answer.md", "enhance/system.md", "enhance/i2v.md")
                : prompts.get("shared/structured-answer.md", "enhance/system.md");
    }

    private static String imageSection(EnhanceRequest request) {
        if (request.modeOrDefault() != EnhanceMode.I2V) {
            return "";
        }
        if (request.imageCaption() != null && !request.imageCaption().isBlank()) {
            return "Image caption: " + request.imageCaption().strip() + "\n";
        }
        return "The image is attached.\n";
    }

    private static String fromModel(JsonNode json, int maxWords) {
        var text = json.path("enhanced").asText("").strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new LlmFailure(LlmFailure.Reason.INVALID_OUTPUT, "The model returned an empty prompt");
        }
        if (Words.count(text) > maxWords) {
            throw new LlmFailure(LlmFailure.Reason.INVALID_OUTPUT,
                    "The model's prompt has " + Words.count(text) + " words, over the limit of " + maxWords);
        }
        return text;
    }

    private static EnhanceResponse respond(EnhanceRequest request, String original, EnhanceMode mode, AiOutcome<String> outcome,
            Faithfulness check, String correlationId) {
        Log.infof("enhance [%s] engine=%s%s original=\"%s\" enhanced=\"%s\"", correlationId, outcome.engine().wire(),
                outcome.fallbackReason() == null ? "" : " fallback_reason=" + outcome.fallbackReason(), original, outcome.value());
        return new EnhanceResponse(original, outcome.value(), mode, outcome.engine(), outcome.model(), outcome.cached(),
                request.seed(), false, outcome.usage(), outcome.fallbackReason(), outcome.promptVersion(), check.score(),
                check.lost());
    }
}
