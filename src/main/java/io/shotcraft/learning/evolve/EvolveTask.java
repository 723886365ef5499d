package io.shotcraft.learning.evolve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.DeclaredTask;

/**
 * The prompt-evolution task (the design's Phase 1.5): from a prompt's ratings, what raters complained of and praised,
 * and the scores of earlier versions, write {@value #VARIANTS} improved variants to A/B test. One answer carries both
 * variants, so they are written knowing each other (and differ), cost one call, and come from one engine.
 * The model writes them ({@link PromptEvolver}), {@link EvolveChecks} checks them and asks for one repair, the
 * {@link OfflinePromptEvolver} is its twin.
 */
@Singleton
public class EvolveTask extends DeclaredTask<EvolutionInput, EvolvedPrompts> {

    static final String NAME = "learning-evolve";
    static final String SYSTEM = "prompts/learning/evolve-system.md";
    static final String USER = "prompts/learning/evolve-user.md";
    /** The name of the answer's schema: the answer record's, in snake_case. */
    static final String SCHEMA = "evolved_prompts";
    static final int VARIANTS = 2;
    /** The most earlier versions the model is shown: the latest ones, enough to see a trend at a bounded cost. */
    static final int MAX_HISTORY = 12;
    private static final String NONE = "(none)";

    private final PromptEvolver model;
    private final OfflinePromptEvolver offline;
    private final ObjectMapper json;

    public EvolveTask(PromptEvolver model, OfflinePromptEvolver offline, ObjectMapper json) {
        super(NAME, EvolvedPrompts.class, SYSTEM, USER);
        this.model = model;
        this.offline = offline;
        this.json = json;
    }

    @Override
    public EvolvedPrompts ask(EvolutionInput input) {
        return model.evolve(input.currentVersion() == null ? "current" : input.currentVersion(), input.currentPrompt(),
                blankAsNone(input.negativePrompt()), rating(input.currentRating()), bullets(input.issues()),
                bullets(input.praised()), history(input.history()), bullets(input.neverChange()), input.maxLength(), VARIANTS);
    }

    @Override
    public EvolvedPrompts offline(EvolutionInput input, String fallbackReason) {
        return offline.evolve(input);
    }

    /** Everything of the input shapes the answer; as a map, so the key does not depend on the record's layout. */
    @Override
    public Object cacheKey(EvolutionInput input) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("version", input.currentVersion());
        key.put("prompt", input.currentPrompt());
        key.put("negative_prompt", input.negativePrompt());
        key.put("rating", input.currentRating());
        key.put("issues", input.issues());
        key.put("praised", input.praised());
        key.put("history", recent(input.history()));
        key.put("never_change", input.neverChange());
        key.put("max_length", input.maxLength());
        return key;
    }

    static String rating(Double rating) {
        return rating == null ? "not rated yet" : String.format(Locale.ROOT, "%.2f/5.0", rating);
    }

    static String bullets(List<String> lines) {
        if (lines.isEmpty()) {
            return NONE;
        }
        var text = new StringBuilder();
        lines.forEach(line -> text.append("- ").append(VariantRules.tidy(line)).append('\n'));
        return text.toString().stripTrailing();
    }

    private String history(List<ScoredVersion> history) {
        if (history.isEmpty()) {
            return "[]";
        }
        try {
            return json.writeValueAsString(recent(history));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The version history could not be written as JSON", e);
        }
    }

    private static List<ScoredVersion> recent(List<ScoredVersion> history) {
        return history.size() <= MAX_HISTORY ? history : history.subList(history.size() - MAX_HISTORY, history.size());
    }

    private static String blankAsNone(String text) {
        return text == null || text.isBlank() ? NONE : VariantRules.tidy(text);
    }
}
