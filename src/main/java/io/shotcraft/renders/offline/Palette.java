package io.shotcraft.renders.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Vocabulary;

/**
 * The colours a prompt names, in the order it names them, read with the service's one colour vocabulary
 * ({@code vocabulary/colours.txt}) and its one word matcher ({@link Mentions}): "a teal robot under dark red neon"
 * gives teal, then dark red (the longest name wins where names overlap).
 */
final class Palette {

    /** A colour name as the prompt said it, and its RGB value. */
    record Colour(String name, int rgb) {
    }

    private record Name(List<String> stems, Colour colour) {
    }

    /** Colour names by their first word's stem, longest first. */
    private static final Map<String, List<Name>> BY_FIRST_STEM = index();

    private Palette() {
    }

    /** At most {@code max} distinct colours named in {@code text}. */
    static List<Colour> named(String text, int max) {
        var stems = Mentions.stems(text);
        var found = new LinkedHashMap<String, Colour>();
        for (int i = 0; i < stems.size() && found.size() < max; i++) {
            var match = longest(stems, i);
            if (match != null) {
                found.putIfAbsent(match.colour().name(), match.colour());
                i += match.stems().size() - 1;
            }
        }
        return List.copyOf(found.values());
    }

    private static Name longest(List<String> stems, int at) {
        for (var name : BY_FIRST_STEM.getOrDefault(stems.get(at), List.of())) {
            int n = name.stems().size();
            if (at + n <= stems.size() && stems.subList(at, at + n).equals(name.stems())) {
                return name;
            }
        }
        return null;
    }

    private static Map<String, List<Name>> index() {
        var index = new HashMap<String, List<Name>>();
        for (var entry : Vocabulary.of("colours").entries()) {
            var stems = Mentions.stems(entry.key());
            if (stems.isEmpty()) {
                continue;
            }
            var colour = new Colour(entry.key(), Integer.parseInt(entry.text().strip(), 16));
            index.computeIfAbsent(stems.getFirst(), k -> new ArrayList<>()).add(new Name(stems, colour));
        }
        index.values().forEach(names -> names.sort((a, b) -> b.stems().size() - a.stems().size()));
        return Map.copyOf(index);
    }
}
