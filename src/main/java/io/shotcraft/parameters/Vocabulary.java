package io.shotcraft.parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A word list of the offline engines, kept as a plain-text resource {@code vocabulary/<name>.txt} and read once per
 * process. The format, line by line:
 *
 * <pre>
 * # A comment: a line whose first non-blank character is '#'. Blank lines are ignored.
 * KEY: text
 *     an indented line continues the text of the entry above it
 * </pre>
 *
 * <p>An entry's key is the text before its first colon; a key may repeat, and entries keep their file order. Its
 * text is read either as comma-separated {@link Entry#terms() terms} ("{@code NIGHT: night~, midnight, after dark}")
 * or as semicolon-separated {@link Entry#fields() fields} ("{@code SHOT_TYPE: medium close-up; CLOSE_FRAME}"), as
 * the file's header says. A term {@code @KEY} stands for all the terms of that key in the same file. What a trailing
 * {@code ~} on a word means is up to the reader (to a lexicon of scene words: the word and its inflections).
 *
 * <p>A missing file, a malformed line or an unknown key fails at once, naming the file and the line: vocabularies
 * are read while classes initialise, so a broken one stops the service at start rather than misreading prompts.
 */
public final class Vocabulary {

    private static final String FOLDER = "vocabulary/";
    private static final Map<String, Vocabulary> LOADED = new ConcurrentHashMap<>();

    /** One entry of a vocabulary file, with the line it starts on (for error messages). */
    public record Entry(String key, String text, String source) {

        /** The comma-separated terms of the text, stripped, empty ones dropped. */
        public List<String> terms() {
            return split(text, ',');
        }

        /** The semicolon-separated fields of the text, stripped, empty ones dropped. */
        public List<String> fields() {
            return split(text, ';');
        }

        /** The key as a constant of an enum; fails naming the line when it is none. */
        public <K extends Enum<K>> K key(Class<K> type) {
            return constant(type, key);
        }

        /** The constants named in a comma-separated list ("CLOSE_FRAME, SUBJECT"); fails naming the line. */
        public <E extends Enum<E>> Set<E> constants(Class<E> type, String names) {
            var constants = EnumSet.noneOf(type);
            for (String name : split(names, ',')) {
                constants.add(constant(type, name));
            }
            return Collections.unmodifiableSet(constants);
        }

        private <E extends Enum<E>> E constant(Class<E> type, String name) {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException unknown) {
                throw malformed("unknown " + type.getSimpleName() + " '" + name + "'");
            }
        }

        /** An error about this entry's content, naming its line. */
        public IllegalStateException malformed(String problem) {
            return new IllegalStateException(source + ": " + problem + " in '" + key + ": " + text + "'");
        }
    }

    private final String path;
    private final List<Entry> entries;

    private Vocabulary(String path, List<Entry> entries) {
        this.path = path;
        this.entries = List.copyOf(entries);
    }

    /** The vocabulary {@code vocabulary/<name>.txt}, read on first use and shared after. */
    public static Vocabulary of(String name) {
        return LOADED.computeIfAbsent(name, Vocabulary::read);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The terms of every entry with this key, {@code @KEY} references expanded; fails if the key is absent. */
    public List<String> terms(String key) {
        return expand(key, new LinkedHashSet<>());
    }

    /** The terms of each key, keys in file order, as constants of an enum. */
    public <K extends Enum<K>> Map<K, List<String>> termsBy(Class<K> type) {
        var byKey = new LinkedHashMap<K, List<String>>();
        for (Entry entry : entries) {
            byKey.computeIfAbsent(entry.key(type), k -> terms(entry.key()));
        }
        return Collections.unmodifiableMap(byKey);
    }

    /** The set of all terms of one key. */
    public Set<String> set(String key) {
        return Set.copyOf(terms(key));
    }

    /** Each term to the key it is listed under ("men" to "man" in "man: men"); a term under two keys fails. */
    public Map<String, String> keyByTerm() {
        var keys = new LinkedHashMap<String, String>();
        for (Entry entry : entries) {
            for (String term : entry.terms()) {
                String other = keys.putIfAbsent(term, entry.key());
                if (other != null) {
                    throw entry.malformed("'" + term + "' is listed under '" + other + "' too");
                }
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    private List<String> expand(String key, Set<String> visiting) {
        if (!visiting.add(key)) {
            throw new IllegalStateException(path + ": '@" + key + "' refers to itself through " + visiting);
        }
        var terms = new ArrayList<String>();
        boolean found = false;
        for (Entry entry : entries) {
            if (entry.key().equals(key)) {
                found = true;
                for (String term : entry.terms()) {
                    terms.addAll(term.startsWith("@") ? expand(term.substring(1), visiting) : List.of(term));
                }
            }
        }
        if (!found) {
            throw new IllegalStateException(path + ": no entry '" + key + "'");
        }
        visiting.remove(key);
        return List.copyOf(terms);
    }

    private static Vocabulary read(String name) {
        String path = FOLDER + name + ".txt";
        try (InputStream in = classLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Vocabulary " + path + " is missing from the class path");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Vocabulary(path, parse(path, reader.lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read vocabulary " + path, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Vocabulary.class.getClassLoader();
    }

    private static List<Entry> parse(String path, List<String> lines) {
        var entries = new ArrayList<Entry>();
        String key = null;
        var text = new StringBuilder();
        String source = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String at = path + ":" + (i + 1);
            if (Character.isWhitespace(line.charAt(0))) {
                if (key == null) {
                    throw new IllegalStateException(at + ": an indented line continues no entry: '" + stripped + "'");
                }
                text.append(' ').append(stripped);
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || line.substring(0, colon).isBlank() || line.substring(0, colon).contains(",")) {
                throw new IllegalStateException(at + ": expected 'KEY: text', got '" + line + "'");
            }
            add(entries, key, text, source);
            key = line.substring(0, colon).strip();
            text.setLength(0);
            text.append(line.substring(colon + 1).strip());
            source = at;
        }
        add(entries, key, text, source);
        return entries;
    }

    private static void add(List<Entry> entries, String key, StringBuilder text, String source) {
        if (key == null) {
            return;
        }
        if (text.toString().isBlank()) {
            throw new IllegalStateException(source + ": entry '" + key + "' has no text");
        }
        entries.add(new Entry(key, text.toString().strip(), source));
    }

    private static List<String> split(String text, char separator) {
        var parts = new ArrayList<String>();
        for (String part : text.split(String.valueOf(separator))) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return List.copyOf(parts);
    }
}
