package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target model's prompt: what the user pastes into the model ({@code prompt}), its negative prompt ("" when the
 * model has none), the model's settings that do not belong in the text ({@code parameters}, in a stable order) and
 * the short sentences that say what the rules changed.
 *
 * @param prompt         the text for the model, never null
 * @param negativePrompt what the model should avoid, "" when the model has no negative prompt
 * @param parameters     settings such as {@code seconds} or {@code width}; values are String, Integer, Long, Double
 *                       or Boolean only, so the record serialises the same everywhere
 * @param warnings       one short sentence per change the rules made
 */
public record TargetPrompt(String prompt, String negativePrompt, Map<String, Object> parameters,
        List<String> warnings) {

    public TargetPrompt {
        prompt = prompt == null ? "" : prompt;
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        parameters = parameters == null || parameters.isEmpty() ? Map.of() : copy(parameters);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A prompt with no negative prompt, parameters or warnings: what a model answered as a plain string. */
    public static TargetPrompt of(String prompt) {
        return new TargetPrompt(prompt, "", Map.of(), List.of());
    }

    public TargetPrompt withPrompt(String text) {
        return new TargetPrompt(text, negativePrompt, parameters, warnings);
    }

    public TargetPrompt withNegativePrompt(String text) {
        return new TargetPrompt(prompt, text, parameters, warnings);
    }

    public TargetPrompt withParameters(Map<String, Object> values) {
        return new TargetPrompt(prompt, negativePrompt, values, warnings);
    }

    /** This prompt with more warnings after its own. */
    public TargetPrompt withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new ArrayList<String>(warnings.size() + more.size());
        all.addAll(warnings);
        all.addAll(more);
        return new TargetPrompt(prompt, negativePrompt, parameters, all);
    }

    private static Map<String, Object> copy(Map<String, Object> parameters) {
        var copy = new LinkedHashMap<String, Object>(parameters.size() * 2);
        parameters.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a parameter has no name");
            }
            if (!(value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean)) {
                throw new IllegalArgumentException("parameter '" + name + "' must be a string, number or boolean");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
