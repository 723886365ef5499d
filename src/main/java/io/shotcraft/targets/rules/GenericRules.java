package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import io.shotcraft.parameters.Parameter;

/**
 * A model added by data with no rules of its own: a non-empty prompt within its character limit and, when
 * {@code max_tokens} is set, its token limit (counted with the counter given). Options become parameters as they
 * are ({@code aspect_ratio}, {@code seed}, {@code duration_seconds}).
 */
final class GenericRules implements ModelRules {

    static final String NAME = "generic";

    private final ModelLimits limits;
    private final ToIntFunction<String> tokens;

    GenericRules(ModelLimits limits, ToIntFunction<String> tokens) {
        this.limits = limits;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> violations(TargetPrompt prompt) {
        if (prompt.prompt().isBlank()) {
            return List.of("empty prompt: the prompt has no text");
        }
        var violations = new ArrayList<String>();
        if (prompt.prompt().length() > limits.maxChars()) {
            violations.add("too long: " + prompt.prompt().length() + " characters, the limit is " + limits.maxChars());
        }
        if (limits.maxTokens() != null && tokens.applyAsInt(prompt.prompt()) > limits.maxTokens()) {
            violations.add("too long: more than " + limits.maxTokens() + " tokens");
        }
        return List.copyOf(violations);
    }

    @Override
    public TargetPrompt adapt(TargetPrompt answer, TargetOptions options) {
        var parameters = new LinkedHashMap<String, Object>(answer.parameters());
        applyOptions(parameters, options);
        return new TargetPrompt(PromptText.tidy(answer.prompt()), answer.negativePrompt().strip(), parameters,
                answer.warnings());
    }

    @Override
    public TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options) {
        var values = new LinkedHashMap<String, Object>();
        applyOptions(values, options);
        String prose = PromptText.plain(sourcePrompt);
        String prompt = PromptText.sentence(PromptText.capitalised(prose.isEmpty() ? "a cinematic scene" : prose));
        prompt = PromptText.cut(prompt, limits.maxChars());
        while (limits.maxTokens() != null && tokens.applyAsInt(prompt) > limits.maxTokens()) {
            prompt = PromptText.cut(prompt, Math.max(1, prompt.length() * 3 / 4));
        }
        return new TargetPrompt(prompt, "", values, List.of());
    }

    private static void applyOptions(Map<String, Object> parameters, TargetOptions options) {
        if (options.aspectRatio() != null) {
            parameters.put("aspect_ratio", options.ratio().toString());
        }
        if (options.seed() != null) {
            parameters.put("seed", options.seed());
        }
        if (options.durationSeconds() != null) {
            parameters.put("duration_seconds", options.durationSeconds());
        }
    }
}
