package io.shotcraft.enhance;

import java.util.LinkedHashMap;
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
import io.smallrye.mutiny.Uni;

/** Rewrites a short prompt into a detailed cinematic one, by the LLM or the offline engine. */
@ApplicationScoped
public class EnhanceService {

    static final String TASK = "enhance";

    private final AiTaskRunner runner;
    private final Prompts prompts;
    private final OfflinePromptEnhancer offline;
    private final ShotcraftConfig.Ai ai;
    private final ShotcraftConfig.Enhance config;

    public EnhanceService(AiTaskRunner runner, Prompts prompts, OfflinePromptEnhancer offline, ShotcraftConfig config) {
        this.runner = runner;
        this.prompts = prompts;
        this.offline = offline;
        this.ai = config.ai();
        this.config = config.enhance();
    }

    public Uni<EnhanceResponse> enhance(EnhanceRequest request, String correlationId) {
        var original = request.prompt().strip();
        var mode = request.modeOrDefault();
        int maxWords = request.maxWords() == null ? config.defaultMaxWords() : request.maxWords();
        if (!Boolean.TRUE.equals(request.force()) && words(original) >= config.skipWords()) {
            return Uni.createFrom().item(new EnhanceResponse(original, original, mode, Engine.OFFLINE, null, false,
                    request.seed(), true, Usage.NONE, null, null));
        }
        var system = systemPrompt(mode);
        var user = prompts.get("enhance/user.md");
        var schema = prompts.get("enhance/schema.json");
        var task = ai.tasks().get(TASK);
        var call = new LlmCall(TASK, task.model(),
                system.render(Map.of("language", ai.outputLanguage())),
                user.render(Map.of("prompt", original, "max_words", String.valueOf(maxWords),
                        "image_section", imageSection(request))),
                mode == EnhanceMode.I2V ? request.imageUrl() : null,
                "enhanced_prompt", schema.text(), request.seed(), task.temperature(), task.maxTokens(), task.timeout());
        Map<String, Object> cacheInput = new LinkedHashMap<>();
        cacheInput.put("prompt", original);
        cacheInput.put("mode", mode.name());
        cacheInput.put("image_url", request.imageUrl());
        cacheInput.put("image_caption", request.imageCaption());
        cacheInput.put("max_words", maxWords);
        cacheInput.put("language", ai.outputLanguage());
        var aiRequest = new AiRequest<>(call, Prompt.versionOf(system, user, schema), cacheInput, request.optionsOrDefault(), correlationId,
                (JsonNode json) -> fromModel(json, maxWords),
                () -> offline.enhance(original, mode, request.imageCaption(), request.seed() == null ? 0 : request.seed(), maxWords)
                        .text());
        return runner.run(aiRequest).map(outcome -> respond(request, original, mode, outcome, correlationId));
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
        if (words(text) > maxWords) {
            throw new LlmFailure(LlmFailure.Reason.INVALID_OUTPUT,
                    "The model's prompt has " + words(text) + " words, over the limit of " + maxWords);
        }
        return text;
    }

    private static EnhanceResponse respond(EnhanceRequest request, String original, EnhanceMode mode, AiOutcome<String> outcome,
            String correlationId) {
        Log.infof("enhance [%s] engine=%s%s original=\"%s\" enhanced=\"%s\"", correlationId, outcome.engine().wire(),
                outcome.fallbackReason() == null ? "" : " fallback_reason=" + outcome.fallbackReason(), original, outcome.value());
        return new EnhanceResponse(original, outcome.value(), mode, outcome.engine(), outcome.model(), outcome.cached(),
                request.seed(), false, outcome.usage(), outcome.fallbackReason(), outcome.promptVersion());
    }

    static int words(String text) {
        var t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
