package io.shotcraft.tuning.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;

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
                if (!Mentions.mentions(prompt, part)) {
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
                if (Mentions.mentions(prompt, part) && current.values().stream().noneMatch(value -> Mentions.mentions(value, part))) {
                    violations.add("The prompt still mentions the " + fate + parameter.name() + " \"" + part + "\"");
                }
            }
        }
        return List.copyOf(violations);
    }

    /** The parts of a value that have words (a part of punctuation only can be neither missing nor left over). */
    private static List<String> parts(Parameter parameter) {
        return parameter.value() == null ? List.of()
                : Mentions.parts(parameter.value()).stream().filter(part -> !Mentions.stems(part).isEmpty()).toList();
    }

    private static Map<String, String> values(List<Parameter> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach(p -> values.put(p.name(), p.value() == null ? "" : p.value()));
        return values;
    }
}
