package io.shotcraft.tuning.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;

/**
 * Regenerates a prompt after its parameters changed, without any model, by the smallest edit of the current text: the
 * engine used when no LLM is configured, when the LLM fails, and in tests.
 *
 * <p>A changed value is rewritten where the prompt has the old one, with the grammar around it kept right (articles,
 * verb agreement, later mentions: "The teal robot" → "The blue robot"); a removed value goes with the words that
 * depend on it; a new value joins the prompt's list of props or gets a short sentence at the end. Text about untouched
 * parameters stays byte for byte; whatever value the text still lacks at the end is added, so that the result passes
 * {@link PromptRules}. The result is a pure function of the arguments; the class holds no state and is safe to share
 * between threads.
 */
@ApplicationScoped
public class OfflinePromptWriter {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");

    public OfflinePromptWriter() {
    }

    /**
     * Rewrites a prompt for new parameters.
     *
     * @param prompt the current prompt, which {@code before} describes
     * @param before the parameters before the edit, in order
     * @param after  the parameters after the edit, in order: same name and another value is a change, a missing name a
     *               removal, a new name an addition
     * @return the prompt as one paragraph; the prompt itself when the parameters did not change
     */
    public String regenerate(String prompt, List<Parameter> before, List<Parameter> after) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.equals(after)) {
            return prompt;
        }
        String original = WHITESPACE.matcher(prompt).replaceAll(" ").strip();
        Map<String, String> old = values(before);
        Map<String, String> now = values(after);
        var text = new OfflineWriteText(original, untouched(old, now));
        List<String> current = phrases(now);
        changed(old, now).forEach(name -> OfflineWriteReplace.replace(text, name, old.get(name), now.get(name), current));
        old.keySet().stream().filter(name -> !now.containsKey(name))
                .forEach(name -> OfflineWriteRemove.remove(text, name, old.get(name), current));
        OfflineWriteAdd.ensure(text, after);
        text.tidy(capitalised(original));
        return text.text();
    }

    /** The names whose value changed, longest old value first: "glints of afternoon light" before "afternoon". */
    private static List<String> changed(Map<String, String> old, Map<String, String> now) {
        return old.keySet().stream()
                .filter(name -> now.containsKey(name) && !old.get(name).equals(now.get(name)))
                .filter(name -> !old.get(name).isBlank())
                .sorted(Comparator.comparingInt((String name) -> old.get(name).length()).reversed())
                .toList();
    }

    private static List<String> untouched(Map<String, String> old, Map<String, String> now) {
        var kept = new ArrayList<String>();
        now.forEach((name, value) -> {
            if (value.equals(old.get(name))) {
                kept.add(value);
                kept.addAll(Mentions.parts(value));
            }
        });
        return kept;
    }

    private static List<String> phrases(Map<String, String> values) {
        var phrases = new ArrayList<String>();
        values.values().forEach(value -> phrases.addAll(Mentions.parts(value)));
        return phrases;
    }

    private static Map<String, String> values(List<Parameter> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : parameters) {
            values.put(parameter.name(), parameter.value() == null ? "" : parameter.value().strip());
        }
        return values;
    }

    /** Whether the prompt writes sentences with capitals, so that new sentence starts get one too. */
    private static boolean capitalised(String text) {
        return text.isEmpty() || !Character.isLowerCase(text.codePointAt(0));
    }
}
