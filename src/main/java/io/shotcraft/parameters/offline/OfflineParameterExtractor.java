package io.shotcraft.parameters.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.parameters.Parameter;

/**
 * Extracts the parameters of a text-to-video prompt without any model: the engine used when no LLM is configured,
 * when the LLM fails, and in tests.
 *
 * <p>It reads the prompt with lexicons and phrase patterns: noun phrases ("a worn wooden cutting board"), the verbs
 * that follow the subject ("is cooking food"), and the words that name an aspect of the shot ("afternoon",
 * "close-up", "noir"). Every value is a phrase of the prompt exactly as written, or several such phrases joined
 * with ", " (a subject's actions, two lighting cues), so that an edit can find and replace it in the text. Aspects
 * the prompt does not mention are left out. The class holds no mutable state and is safe to share between threads.
 */
@ApplicationScoped
public class OfflineParameterExtractor {

    private static final Set<String> SINGLE = Set.of(OfflineExtractSubject.SUBJECT, OfflineExtractSubject.SECONDARY,
            OfflineExtractKind.PLACE.parameter());

    public OfflineParameterExtractor() {
    }

    /**
     * Extracts a prompt's parameters.
     *
     * @param prompt the prompt; null or blank gives no parameters
     * @return the parameters in the order the prompt first mentions them. Names are {@code subject},
     *         {@code subject_action}, {@code secondary_subject}, {@code location}, {@code time_of_day},
     *         {@code season}, {@code weather}, {@code prop_1}…{@code prop_n}, {@code lighting}, {@code atmosphere},
     *         {@code camera}, {@code shot_type}, {@code style}, {@code mood} and {@code color_palette}; each value
     *         is a phrase of the prompt, or phrases of it joined by ", "
     */
    public List<Parameter> extract(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return List.of();
        }
        var reading = OfflineExtractReading.of(prompt);
        OfflineExtractScene.readLightingClauses(reading);
        boolean hasSubject = OfflineExtractSubject.read(reading);
        OfflineExtractScene.read(reading, hasSubject);
        return parameters(prompt, reading.mentions());
    }

    private static List<Parameter> parameters(String prompt, List<OfflineExtractMention> mentions) {
        var ordered = new ArrayList<>(mentions);
        ordered.sort(Comparator.comparingInt(OfflineExtractMention::start)
                .thenComparingInt(OfflineExtractMention::end));
        Map<String, Set<String>> values = new LinkedHashMap<>();
        int props = 0;
        for (OfflineExtractMention mention : ordered) {
            String value = prompt.substring(mention.start(), mention.end()).strip();
            if (value.isEmpty()) {
                continue;
            }
            if (mention.name().equals(OfflineExtractScene.PROP_NAME)) {
                values.put(OfflineExtractScene.PROP_NAME + "_" + ++props, new LinkedHashSet<>(List.of(value)));
            } else if (!(SINGLE.contains(mention.name()) && values.containsKey(mention.name()))) {
                add(values.computeIfAbsent(mention.name(), name -> new LinkedHashSet<>()), value);
            }
        }
        var parameters = new ArrayList<Parameter>(values.size());
        values.forEach((name, parts) -> parameters.add(new Parameter(name, String.join(", ", parts))));
        return List.copyOf(parameters);
    }

    private static void add(Set<String> parts, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (parts.stream().noneMatch(part -> part.toLowerCase(Locale.ROOT).equals(lower))) {
            parts.add(value);
        }
    }
}
