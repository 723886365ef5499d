package io.shotcraft.clips;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.platform.text.Words;
import io.shotcraft.ai.AiOptions;
import io.shotcraft.ai.AiRequest;
import io.shotcraft.ai.LlmCall;
import io.shotcraft.ai.LlmFailure;
import io.shotcraft.ai.Prompt;
import io.shotcraft.ai.Prompts;
import io.shotcraft.clips.offline.PromptText;
import io.shotcraft.clips.offline.StyleKeywords;
import io.shotcraft.platform.ShotcraftConfig;

/**
 * The model's part of clip prompts: one call rewrites a batch of base prompts, and each answer is checked clip by
 * clip. A clip the model left out, or whose prompt is empty, too long, carries a URL or a list, or (after the
 * keywords are woven in) breaks the word limit, keeps its template prompt and says why; an answer with no usable
 * clip is refused, so the whole batch falls back to the templates.
 */
@ApplicationScoped
public class ClipPromptOptimizer {

    static final String TASK = "clips";
    static final String SCHEMA = "clip_prompts";
    /** Tokens of answer per word of prompt, with room for JSON; what a batch may cost is estimated from it. */
    private static final double TOKENS_PER_WORD = 1.4;
    private static final int TOKENS_PER_ENTRY = 15;
    private static final Pattern LIST = Pattern.compile("(?m)(^\\s*(\\d+[.)]|[-*•])\\s)|(?i:\\bshot\\s*\\d+\\s*:)");

    private final Prompts prompts;
    private final ShotcraftConfig.Ai ai;
    private final ObjectMapper json;

    public ClipPromptOptimizer(Prompts prompts, ShotcraftConfig config, ObjectMapper json) {
        this.prompts = prompts;
        this.ai = config.ai();
        this.json = json;
    }

    AiRequest<List<ClipDraft>> request(List<ClipBase> batch, ClipBase before, List<String> keywords, int maxWords,
            String model, AiOptions options, String correlationId) {
        var system = system();
        var user = prompts.get("clips/user.md");
        var schema = prompts.get("clips/schema.json");
        var task = ai.tasks().get(TASK);
        var userText = user.render(Map.of(
                "max_words", String.valueOf(maxWords),
                "style_keywords", String.join(", ", keywords),
                "before", before == null ? "" : "The clip before this batch (" + before.index() + "): " + before.template() + "\n",
                "count", String.valueOf(batch.size()),
                "base_prompts", write(ClipBase.forModel(batch))));
        int maxTokens = Math.min(task.maxTokens(),
                batch.size() * ((int) Math.ceil(maxWords * TOKENS_PER_WORD) + TOKENS_PER_ENTRY) + 50);
        var call = new LlmCall(TASK, model == null ? task.model() : model, system.render(Map.of("language", ai.outputLanguage())),
                userText, null, SCHEMA, schema.text(), null, task.temperature(), maxTokens, task.timeout());
        return new AiRequest<>(call, Prompt.versionOf(system, user, schema), Map.of("user", userText), options, correlationId,
                answer -> fromModel(answer, batch, keywords, maxWords),
                () -> batch.stream().map(base -> ClipDraft.template(base, null)).toList());
    }

    private Prompt system() {
        return prompts.get("shared/structured-answer.md", "clips/system.md");
    }

    static List<ClipDraft> fromModel(JsonNode answer, List<ClipBase> batch, List<String> keywords, int maxWords) {
        Map<Integer, String> written = new HashMap<>();
        for (JsonNode entry : answer.path("prompts")) {
            written.putIfAbsent(entry.path("clip_index").asInt(-1), entry.path("prompt").asText(""));
        }
        var drafts = new ArrayList<ClipDraft>(batch.size());
        var refusals = new ArrayList<String>();
        for (var base : batch) {
            var draft = check(base, written.get(base.index()), keywords, maxWords);
            drafts.add(draft);
            if (!draft.llm()) {
                refusals.add(base.index() + ": " + draft.fallbackReason());
            }
        }
        if (refusals.size() == batch.size()) {
            throw new LlmFailure(LlmFailure.Reason.INVALID_OUTPUT, "No clip prompt of the model's answer passed the checks ("
                    + String.join(", ", refusals) + ")");
        }
        return drafts;
    }

    /** The model's prompt for a clip when it passes every rule, else the template with the rule it broke. */
    static ClipDraft check(ClipBase base, String written, List<String> keywords, int maxWords) {
        if (written == null) {
            return ClipDraft.template(base, "missing");
        }
        var text = PromptText.tidy(written.replace('\n', ' '));
        if (text.isEmpty()) {
            return ClipDraft.template(base, "empty");
        }
        if (PromptText.hasUrl(text)) {
            return ClipDraft.template(base, "contains_url");
        }
        if (LIST.matcher(written).find()) {
            return ClipDraft.template(base, "list_format");
        }
        if (PromptText.mentioned(text, keywords) < Math.min(2, keywords.size())) {
            text = StyleKeywords.apply(text, keywords);
        }
        if (Words.count(text) > maxWords) {
            return ClipDraft.template(base, "over_word_limit");
        }
        return new ClipDraft(base.index(), text, true, null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Base prompts could not be written as JSON", e);
        }
    }
}
