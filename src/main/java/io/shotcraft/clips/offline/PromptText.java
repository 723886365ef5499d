package io.shotcraft.clips.offline;

import java.util.List;
import java.util.regex.Pattern;

import io.shotcraft.platform.text.Lexicon;

/** Word counts, length caps and small clean-ups shared by the template engine and the checks of model answers. */
public final class PromptText {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.;:])");
    private static final Pattern REPEATED_COMMAS = Pattern.compile("(,\\s*)+,");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");

    private PromptText() {
    }

    /** Words split on whitespace, as the design counts them. */
    public static int words(String text) {
        var t = text == null ? "" : text.strip();
        return t.isEmpty() ? 0 : SPACES.split(t).length;
    }

    /** The first {@code max} words followed by "..." when the text is longer; unchanged otherwise. */
    public static String truncate(String text, int max) {
        var t = text.strip();
        var words = SPACES.split(t);
        if (words.length <= max) {
            return t;
        }
        var kept = String.join(" ", List.of(words).subList(0, max)).replaceAll("[,;:.]+$", "");
        return kept + "...";
    }

    /** At most {@code max} words of a description, cut at a word, without trailing punctuation. */
    public static String shorten(String text, int max) {
        var words = SPACES.split(text.strip());
        var kept = words.length <= max ? text.strip() : String.join(" ", List.of(words).subList(0, max));
        return trimEnd(kept);
    }

    /** One space between words, none before punctuation, no doubled commas. */
    public static String tidy(String text) {
        var t = SPACES.matcher(text.strip()).replaceAll(" ");
        t = SPACE_BEFORE_PUNCTUATION.matcher(t).replaceAll("$1");
        return REPEATED_COMMAS.matcher(t).replaceAll(",");
    }

    /** The text without trailing periods, commas and the like. */
    public static String trimEnd(String text) {
        return text.strip().replaceAll("[\\s.,;:!]+$", "");
    }

    public static boolean hasUrl(String text) {
        return URL.matcher(text).find();
    }

    public static String withoutUrls(String text) {
        return tidy(URL.matcher(text).replaceAll(""));
    }

    /** Whether the text names a keyword, as whole words, ignoring case and punctuation ("high-contrast"). */
    public static boolean mentions(String text, String keyword) {
        var words = Lexicon.words(keyword);
        if (words.isEmpty()) {
            return false;
        }
        var haystack = " " + String.join(" ", Lexicon.words(text)) + " ";
        return haystack.contains(" " + String.join(" ", words) + " ");
    }

    /** How many of the keywords the text names. */
    public static long mentioned(String text, List<String> keywords) {
        return keywords.stream().filter(k -> mentions(text, k)).count();
    }

    static String sentenceCase(String text) {
        var t = text.strip();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
