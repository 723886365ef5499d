package io.shotcraft.tuning.offline;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;

/**
 * What a request points at: a parameter found by name ("the lighting"), by pronoun ("it" is the subject) or by its
 * value ("the skillet" is the prop whose value is "cast iron skillet"); for a value of several comma-separated parts,
 * the part it points at; and the kind of attribute when it names one ("the robot's color").
 *
 * @param name      the parameter's name; it may not exist yet when found by name
 * @param part      the part of a composite value pointed at, or null for the whole value
 * @param attribute the attribute named, or null
 */
record OfflineEditTarget(String name, String part, OfflineEditAttribute attribute) {

    private static final Set<String> SCENE_WORDS = Set.of("scene", "shot", "video", "clip", "prompt", "everything",
            "whole thing", "whole scene", "picture", "image", "frame", "things");
    private static final Set<String> FILLERS = Set.of("one", "thing", "things", "please", "instead", "too", "also",
            "parameter", "param", "value", "whole", "entire");

    /** Whether a phrase means the whole scene ("it", "the scene", "everything") rather than one thing in it. */
    static boolean isScene(String phrase) {
        String words = String.join(" ", content(phrase));
        return SCENE_WORDS.contains(words);
    }

    static boolean isPronoun(String phrase) {
        List<String> words = Mentions.words(phrase);
        return words.size() == 1 && OfflineEditWords.PRONOUNS.contains(words.getFirst());
    }

    /** The parameter a phrase points at, if any. */
    static Optional<OfflineEditTarget> resolve(String phrase, List<Parameter> parameters) {
        List<String> words = content(phrase);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        OfflineEditAttribute attribute = attributeNamed(words.getLast());
        if (attribute != null) {
            words = words.subList(0, words.size() - 1);
        } else if (words.size() > 2 && words.get(1).equals("of") && attributeNamed(words.getFirst()) != null) {
            attribute = attributeNamed(words.getFirst());
            words = content(String.join(" ", words.subList(2, words.size())));
        }
        Optional<OfflineEditTarget> found = find(words, parameters);
        OfflineEditAttribute named = attribute;
        return found.map(target -> new OfflineEditTarget(target.name, target.part, named));
    }

    private static Optional<OfflineEditTarget> find(List<String> words, List<Parameter> parameters) {
        String phrase = String.join(" ", words);
        if (words.isEmpty() || isPronoun(phrase)) {
            return has(parameters, OfflineEditNames.SUBJECT) ? whole(OfflineEditNames.SUBJECT) : Optional.empty();
        }
        Optional<String> named = OfflineEditNames.resolve(phrase, parameters);
        if (named.isPresent()) {
            return whole(named.get());
        }
        return byValue(words, parameters);
    }

    /**
     * The parameter whose value contains the phrase's last word (its head noun, tolerant of plurals), scoring by how
     * many of the phrase's words the value contains and, on a tie, by how few other words the value has.
     */
    private static Optional<OfflineEditTarget> byValue(List<String> words, List<Parameter> parameters) {
        List<String> stems = words.stream().map(Mentions::stem).toList();
        String head = stems.getLast();
        OfflineEditTarget best = null;
        double bestScore = 0;
        for (Parameter parameter : parameters) {
            List<String> parts = Mentions.parts(parameter.value() == null ? "" : parameter.value());
            for (String part : parts) {
                List<String> partStems = Mentions.stems(part);
                if (!partStems.contains(head)) {
                    continue;
                }
                long shared = stems.stream().filter(partStems::contains).count();
                double score = shared + shared / (double) (partStems.size() + 1);
                if (score > bestScore) {
                    bestScore = score;
                    best = new OfflineEditTarget(parameter.name(), parts.size() > 1 ? part : null, null);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<OfflineEditTarget> whole(String name) {
        return Optional.of(new OfflineEditTarget(name, null, null));
    }

    private static boolean has(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(p -> p.name().equals(name));
    }

    private static OfflineEditAttribute attributeNamed(String word) {
        return switch (word) {
            case "color", "colour", "colors", "colours" -> OfflineEditAttribute.COLOR;
            case "size" -> OfflineEditAttribute.SIZE;
            case "material" -> OfflineEditAttribute.MATERIAL;
            case "age" -> OfflineEditAttribute.AGE;
            default -> null;
        };
    }

    /** The phrase's words without leading determiners, possessive "s" and filler words. */
    private static List<String> content(String phrase) {
        List<String> words = Mentions.words(phrase).stream()
                .filter(w -> !FILLERS.contains(w) && !w.equals("s"))
                .toList();
        int start = 0;
        while (start < words.size() - 1 && OfflineEditWords.DETERMINERS.contains(words.get(start))) {
            start++;
        }
        if (words.size() == 1 && OfflineEditWords.DETERMINERS.contains(words.getFirst())
                && !OfflineEditWords.PRONOUNS.contains(words.getFirst())) {
            return List.of();
        }
        return words.subList(start, words.size());
    }
}
