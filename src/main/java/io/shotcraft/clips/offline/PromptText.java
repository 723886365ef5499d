package io.shotcraft.clips.offline;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.platform.text.Words;

/** Word counts, length caps and small clean-ups shared by the template engine and the checks of model answers. */
public final class PromptText {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\s.,;:!]+$");
    private static final Pattern TRAILING_STOPS = Pattern.compile("[,;:.]+$");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private PromptText() {
    }

    /** The first {@code max} words followed by "..." when the text is longer; unchanged otherwise. */
    public static String truncate(String text, int max) {
        var t = text.strip();
        if (Words.count(t) <= max) {
            return t;
        }
        var words = SPACES.split(t);
        var kept = TRAILING_STOPS.matcher(String.join(" ", List.of(words).subList(0, max))).replaceAll("");
        return kept + "...";
    }

    /** At most {@code max} words of a description, cut at a word, without trailing punctuation. */
    public static String shorten(String text, int max) {
        var words = SPACES.split(text.strip());
        var kept = words.length <= max ? text.strip() : String.join(" ", List.of(words).subList(0, max));
        return trimEnd(kept);
    }

    /** One space between words, none before punctuation, no doubled commas; one pass over the text. */
    public static String tidy(String text) {
        var out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = !out.isEmpty();
                continue;
            }
            boolean punctuation = c == ',' || c == '.' || c == ';' || c == ':';
            if (c == ',' && !out.isEmpty() && out.charAt(out.length() - 1) == ',') {
                continue;
            }
            if (pendingSpace && !punctuation) {
                out.append(' ');
            }
            pendingSpace = false;
            out.append(c);
        }
        return out.toString();
    }

    /** The text without trailing periods, commas and the like. */
    public static String trimEnd(String text) {
        return TRAILING.matcher(text.strip()).replaceAll("");
    }

    public static boolean hasUrl(String text) {
        return URL.matcher(text).find();
    }

    public static String withoutUrls(String text) {
        return tidy(URL.matcher(text).replaceAll(""));
    }

    /**
     * A test of whether the text names a keyword, as whole words, ignoring case and punctuation ("high-contrast"
     * in "high contrast light"); the text is read once, whatever the number of keywords tested.
     */
    public static Predicate<String> mentionsIn(String text) {
        var haystack = " " + String.join(" ", Mentions.words(text)) + " ";
        return keyword -> {
            var words = Mentions.words(keyword);
            return !words.isEmpty() && haystack.contains(" " + String.join(" ", words) + " ");
        };
    }

    /** Whether the text names a keyword (see {@link #mentionsIn}). */
    public static boolean mentions(String text, String keyword) {
        return mentionsIn(text).test(keyword);
    }

    /** How many of the keywords the text names. */
    public static long mentioned(String text, List<String> keywords) {
        return keywords.stream().filter(mentionsIn(text)).count();
    }

    static String sentenceCase(String text) {
        var t = text.strip();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
