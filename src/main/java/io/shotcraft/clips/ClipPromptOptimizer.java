package io.shotcraft.clips;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.DeclaredTask;
import io.shotcraft.clips.offline.PromptText;
import io.shotcraft.clips.offline.StyleKeywords;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Vocabulary;
import io.shotcraft.platform.text.Words;

/**
 * The clip task: one model call rewrites a batch of base prompts ({@link ClipPromptWriter}), and each answer is checked
 * clip by clip. A clip the model left out, or whose prompt is empty, carries a URL or a list, says nothing of its clip
 * (none of its description, scene or characters), or (after the keywords are woven in) breaks the word limit, keeps
 * its template prompt and says why; an answer with no usable clip is refused ({@link ClipChecks}), so the whole batch
 * falls back to the templates, the task's offline twin.
 */
@Singleton
public class ClipPromptOptimizer extends DeclaredTask<ClipPromptOptimizer.Batch, ClipPromptBatch> {

    static final String NAME = "clips";
    static final String SYSTEM = "prompts/clips/system.md";
    static final String USER = "prompts/clips/user.md";
    /** The name of the answer's schema: the answer record's, in snake_case. */
    static final String SCHEMA = "clip_prompt_batch";
    /** Tokens of answer per word of prompt, with room for JSON; what a batch may cost is estimated from it. */
    private static final double TOKENS_PER_WORD = 1.4;
    private static final int TOKENS_PER_ENTRY = 15;
    private static final int SHORTEST_CONTENT_WORD = 4;
    /** Words that say nothing of what a clip shows, from the shared vocabulary. */
    private static final Set<String> FUNCTION_WORDS = functionWords("DETERMINERS", "POSSESSIVES", "PREPOSITIONS",
            "CONJUNCTIONS", "RELATIVES", "PRONOUNS", "AUXILIARIES", "FILLERS");
    private static final Pattern LIST = Pattern.compile("(?m)(^\\s*(\\d+[.)]|[-*•])\\s)|(?i:\\bshot\\s*\\d+\\s*:)");

    /** One batch to write: its clips, the clip before it, the job's keywords, the word limit, the base prompts as JSON. */
    public record Batch(List<ClipBase> bases, ClipBase before, List<String> keywords, int maxWords, String basePrompts) {

        String beforeText() {
            return before == null ? "" : "The clip before this batch (" + before.index() + "): " + before.template() + "\n";
        }
    }

    private final ClipPromptWriter model;
    private final ObjectMapper json;

    public ClipPromptOptimizer(ClipPromptWriter model, ObjectMapper json) {
        super(NAME, ClipPromptBatch.class, SYSTEM, USER);
        this.model = model;
        this.json = json;
    }

    Batch batch(List<ClipBase> bases, ClipBase before, List<String> keywords, int maxWords) {
        try {
            return new Batch(bases, before, keywords, maxWords, json.writeValueAsString(ClipBase.forModel(bases)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Base prompts could not be written as JSON", e);
        }
    }

    /** The answer's token ceiling a batch needs: each clip's prompt at the word limit, with room for the JSON. */
    static int maxTokens(Batch batch) {
        return batch.bases().size() * ((int) Math.ceil(batch.maxWords() * TOKENS_PER_WORD) + TOKENS_PER_ENTRY) + 50;
    }

    @Override
    public ClipPromptBatch ask(Batch batch) {
        return model.write(batch.maxWords(), String.join(", ", batch.keywords()), batch.beforeText(), batch.bases().size(),
                batch.basePrompts());
    }

    @Override
    public ClipPromptBatch offline(Batch batch, String fallbackReason) {
        return new ClipPromptBatch(batch.bases().stream().map(b -> new ClipPromptBatch.ClipText(b.index(), b.template())).toList());
    }

    /** The base prompts, the clip before, the keywords and the limit are everything that shapes the answer. */
    @Override
    public Object cacheKey(Batch batch) {
        return Map.of("base_prompts", batch.basePrompts(), "before", batch.beforeText(), "keywords", batch.keywords(),
                "max_words", batch.maxWords());
    }

    /** Each clip of the batch: the model's prompt when it passes every rule, else its template with the rule it broke. */
    static List<ClipDraft> drafts(ClipPromptBatch answer, Batch batch) {
        Map<Integer, String> written = new HashMap<>();
        for (var entry : answer.prompts() == null ? List.<ClipPromptBatch.ClipText> of() : answer.prompts()) {
            written.putIfAbsent(entry.clipIndex(), entry.prompt() == null ? "" : entry.prompt());
        }
        var drafts = new ArrayList<ClipDraft>(batch.bases().size());
        for (var base : batch.bases()) {
            drafts.add(check(base, written.get(base.index()), batch.keywords(), batch.maxWords()));
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
        // Whether the model wrote about the clip, judged before the style keywords (scene words too) are woven in.
        boolean aboutTheClip = matches(base, text);
        if (PromptText.mentioned(text, keywords) < Math.min(2, keywords.size())) {
            text = StyleKeywords.apply(text, keywords);
        }
        if (Words.count(text) > maxWords) {
            return ClipDraft.template(base, "over_word_limit");
        }
        if (!aboutTheClip) {
            return ClipDraft.template(base, "mismatched");
        }
        return new ClipDraft(base.index(), text, true, null);
    }

    /**
     * Whether a prompt is about its clip: it shares a content word (four letters or more, inflection aside) with the
     * clip's visual description, its scene or its characters. A clip that has no such words matches anything.
     */
    static boolean matches(ClipBase base, String prompt) {
        Set<String> wanted = new HashSet<>();
        var context = base.context();
        addContentWords(wanted, base.script().visualDescription());
        addContentWords(wanted, context.sceneDescription());
        context.characterDescriptions().forEach(description -> addContentWords(wanted, description));
        if (wanted.isEmpty()) {
            return true;
        }
        for (var stem : Mentions.stems(prompt)) {
            if (wanted.contains(stem)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> functionWords(String... keys) {
        var vocabulary = Vocabulary.of("function-words");
        var words = new HashSet<String>();
        for (var key : keys) {
            words.addAll(vocabulary.set(key));
        }
        return Set.copyOf(words);
    }

    private static void addContentWords(Set<String> stems, String text) {
        if (text == null) {
            return;
        }
        for (var token : Mentions.tokens(text)) {
            if (token.word().length() >= SHORTEST_CONTENT_WORD && !FUNCTION_WORDS.contains(token.word())) {
                stems.add(token.stem());
            }
        }
    }
}
