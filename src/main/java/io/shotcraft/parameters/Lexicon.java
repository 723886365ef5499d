package io.shotcraft.parameters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds which of a set of keys (traits or aspects, shared by the offline engines) a text mentions, by whole words
 * and phrases, ignoring case: find takes the text's {@link Mentions#words words}. A term is one or more words; a
 * word ending in {@code ~} also matches its {@link Inflection#forms forms} (drift: drifts, drifted, drifting;
 * ripple: rippling; dolly: dollies; pan: panning; man: men).
 */
final class Lexicon<K extends Enum<K>> {

    private final Class<K> type;
    private final Map<String, Set<K>> terms;
    private final int longestTerm;

    private Lexicon(Class<K> type, Map<String, Set<K>> terms) {
        this.type = type;
        this.terms = Map.copyOf(terms);
        this.longestTerm = terms.keySet().stream().mapToInt(term -> term.split(" ").length).max().orElse(1);
    }

    /** A lexicon of each key's terms, such as a {@link Vocabulary}'s terms by key. */
    static <K extends Enum<K>> Lexicon<K> of(Class<K> type, Map<K, List<String>> terms) {
        var byForm = new HashMap<String, Set<K>>();
        terms.forEach((key, keyTerms) -> keyTerms.forEach(term -> forms(term)
                .forEach(form -> byForm.computeIfAbsent(form, f -> EnumSet.noneOf(type)).add(key))));
        byForm.replaceAll((form, keys) -> Collections.unmodifiableSet(keys));
        return new Lexicon<>(type, byForm);
    }

    /** The keys whose terms occur in these words. */
    Set<K> find(List<String> words) {
        var found = EnumSet.noneOf(type);
        for (int start = 0; start < words.size(); start++) {
            var phrase = new StringBuilder();
            for (int end = start; end < Math.min(words.size(), start + longestTerm); end++) {
                if (end > start) {
                    phrase.append(' ');
                }
                phrase.append(words.get(end));
                found.addAll(terms.getOrDefault(phrase.toString(), Set.of()));
            }
        }
        return found;
    }

    private static List<String> forms(String term) {
        List<String> forms = List.of("");
        for (String piece : term.split(" ")) {
            boolean inflected = piece.endsWith("~");
            String base = String.join(" ", Mentions.words(inflected ? piece.substring(0, piece.length() - 1) : piece));
            forms = join(forms, inflected ? Inflection.forms(base) : List.of(base));
        }
        return forms;
    }

    private static List<String> join(List<String> heads, List<String> tails) {
        var joined = new ArrayList<String>();
        for (String head : heads) {
            for (String tail : tails) {
                joined.add(head.isEmpty() ? tail : head + " " + tail);
            }
        }
        return joined;
    }
}
