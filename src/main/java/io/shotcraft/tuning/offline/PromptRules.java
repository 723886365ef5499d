package io.shotcraft.tuning.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shotcraft.tuning.Parameter;

/**
 * The rules a regenerated prompt must follow, whichever engine wrote it: it is one paragraph of text, it mentions
 * every current value (each part of a comma-joined one), and it mentions no value that was removed or replaced —
 * unless that phrase is still part of a current value ("afternoon" after a time-of-day change, while the lighting is
 * still "glints of afternoon light"). Mentions are found by whole words, ignoring case and plural or verb endings
 * ("copper pan" mentions "copper pans", "bakes a cake" mentions "baking a cake"). Stateless.
 */
public final class PromptRules {

    private PromptRules() {
    }

    /**
     * Checks a regenerated prompt.
     *
     * @param prompt the regenerated prompt
     * @param before the parameters before the edit
     * @param after  the parameters after the edit
     * @return what is wrong, one sentence each; empty when the prompt follows the rules
     */
    public static List<String> violations(String prompt, List<Parameter> before, List<Parameter> after) {
        if (prompt == null || prompt.isBlank()) {
            return List.of("The prompt is empty");
        }
        var violations = new ArrayList<String>();
        if (prompt.strip().contains("\n") || prompt.strip().contains("\r")) {
            violations.add("The prompt is more than one paragraph");
        }
        for (Parameter parameter : after) {
            for (String part : parts(parameter)) {
                if (!mentions(prompt, part)) {
                    violations.add("The prompt does not mention " + parameter.name() + " \"" + part + "\"");
                }
            }
        }
        Map<String, String> current = values(after);
        for (Parameter parameter : before) {
            if (parameter.value() == null || parameter.value().equals(current.get(parameter.name()))) {
                continue;
            }
            String fate = current.containsKey(parameter.name()) ? "replaced " : "removed ";
            for (String part : parts(parameter)) {
                if (mentions(prompt, part) && current.values().stream().noneMatch(value -> mentions(value, part))) {
                    violations.add("The prompt still mentions the " + fate + parameter.name() + " \"" + part + "\"");
                }
            }
        }
        return List.copyOf(violations);
    }

    /**
     * Whether a text mentions a phrase: its words in order, whole words, ignoring case and plural or verb endings,
     * separated by spaces, hyphens or apostrophes but not by punctuation. A phrase without words is always mentioned.
     */
    static boolean mentions(String text, String phrase) {
        return OfflineEditWords.mentions(text, phrase);
    }

    private static List<String> parts(Parameter parameter) {
        return parameter.value() == null ? List.of() : OfflineEditWords.parts(parameter.value());
    }

    private static Map<String, String> values(List<Parameter> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.value() == null ? "" : p.value()));
        return values;
    }
}
