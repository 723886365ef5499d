package io.shotcraft.platform.text;

import io.shotcraft.parameters.Vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds which of a set of keys (traits or aspects, shared by the offline engines) a text mentions, by whole words
 * and phrases, ignoring case. A term is one or more words; a word ending in {@code ~} also matches its inflections
 * (drift: drifts, drifted, drifting; ripple: rippling; dolly: dollies; pan: panning; man: men).
 */
public final class Lexicon<K extends Enum<K>> {

    /** Irregular plurals by singular (vocabulary/plurals.txt): man~ also matches "men". */
    private static final Map<String, List<String>> IRREGULAR_PLURALS = irregularPlurals();

    private final Class<K> type;
    private final Map<String, Set<K>> terms;
    private final int longestTerm;

    private Lexicon(Class<K> type, Map<String, Set<K>> terms) {
        this.type = type;
        this.terms = Map.copyOf(terms);
        this.longestTerm = terms.keySet().stream().mapToInt(term -> term.split(" ").length).max().orElse(1);
    }

    public static <K extends Enum<K>> Builder<K> of(Class<K> type) {
        return new Builder<>(type);
    }

    /** A lexicon of each key's terms, such as a {@code Vocabulary}'s terms by key. */
    public static <K extends Enum<K>> Lexicon<K> of(Class<K> type, Map<K, List<String>> terms) {
        var builder = new Builder<>(type);
        terms.forEach((key, keyTerms) -> builder.add(key, keyTerms.toArray(String[]::new)));
        return builder.build();
    }

    /** The lower-case words of a text: runs of letters and digits, everything else separating them. */
    public static List<String> words(String text) {
        var words = new ArrayList<String>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean inWord = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(lower.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** The keys whose terms occur in these words. */
    public Set<K> find(List<String> words) {
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

    public static final class Builder<K extends Enum<K>> {
        private final Class<K> type;
        private final Map<String, Set<K>> terms = new HashMap<>();

        private Builder(Class<K> type) {
            this.type = type;
        }

        public Builder<K> add(K key, String... terms) {
            for (String term : terms) {
                for (String form : forms(term)) {
                    this.terms.computeIfAbsent(form, f -> EnumSet.noneOf(type)).add(key);
                }
            }
            return this;
        }

        public Lexicon<K> build() {
            var frozen = new HashMap<String, Set<K>>();
            terms.forEach((term, keys) -> frozen.put(term, Collections.unmodifiableSet(EnumSet.copyOf(keys))));
            return new Lexicon<>(type, frozen);
        }
    }

    private static List<String> forms(String term) {
        List<String> forms = List.of("");
        for (String piece : term.split(" ")) {
            boolean inflected = piece.endsWith("~");
            String base = String.join(" ", words(inflected ? piece.substring(0, piece.length() - 1) : piece));
            forms = join(forms, inflected ? inflections(base) : List.of(base));
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

    private static List<String> inflections(String base) {
        var forms = new ArrayList<>(List.of(base, base + "s", base + "es", base + "ed", base + "ing"));
        char last = base.charAt(base.length() - 1);
        String stem = base.substring(0, base.length() - 1);
        if (last == 'e') {
            forms.addAll(List.of(base + "d", stem + "ing"));
        } else if (last == 'y') {
            forms.addAll(List.of(stem + "ies", stem + "ied"));
        } else if ("aeiouwx".indexOf(last) < 0) {
            forms.addAll(List.of(base + last + "ed", base + last + "ing"));
        }
        forms.addAll(IRREGULAR_PLURALS.getOrDefault(base, List.of()));
        return forms;
    }

    private static Map<String, List<String>> irregularPlurals() {
        var plurals = new HashMap<String, List<String>>();
        Vocabulary.of("plurals").entries().forEach(entry -> plurals.put(entry.key(), entry.terms()));
        return Map.copyOf(plurals);
    }
}
