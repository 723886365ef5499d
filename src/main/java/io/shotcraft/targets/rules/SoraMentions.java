package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings written into Sora prose that belong in the API parameters: a clip length ("10 seconds", "an 8-second
 * clip"), a size ("1280x720"), an aspect ratio ("16:9"), a resolution ("720p", "4K") or the model's name
 * ("Sora 2 Pro"). A length after "for", "after", "within", "over", "every" or "in" is a beat's timing and stays.
 * Patterns have no nested quantifiers, so they stay linear on long prose.
 */
final class SoraMentions {

    /** What was found: the cleaned prose, and the last length, size and aspect ratio mentioned (null when none). */
    record Found(String prose, Integer seconds, String size, AspectRatio ratio, List<String> removed) {
    }

    private static final Pattern DURATION = Pattern.compile(
            "(?:\\b(?:an?|the) )?\\b(\\d{1,3})(?:\\s|-)?(?:seconds?|secs?)\\b(?:[\\s-](?:long|clip|video|shot))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("\\b(\\d{3,4}) ?[x×] ?(\\d{3,4})\\b(?: ?(?:px|pixels))?");
    private static final Pattern ASPECT = Pattern.compile("\\b(16:9|9:16|7:4|4:7)\\b(?: (?:aspect ratio|format))?");
    private static final Pattern RESOLUTION = Pattern.compile("\\b(?:480|720|1080|2160)p\\b|\\b4K\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MODEL = Pattern.compile(
            "\\bsora(?:[ -]?[12](?:\\.0)?)?[ -]pro\\b|\\bsora[ -]?[12](?:\\.0)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> BEAT_WORDS = Set.of("for", "after", "within", "over", "every", "in");

    private SoraMentions() {
    }

    /** Removes every setting from the prose and says what they were. */
    static Found find(String prose) {
        var removed = new ArrayList<String>();
        Integer seconds = null;
        var text = new StringBuilder(prose);
        Matcher duration = DURATION.matcher(prose);
        int shift = 0;
        while (duration.find()) {
            if (BEAT_WORDS.contains(wordBefore(prose, duration.start()))) {
                continue;
            }
            seconds = Integer.valueOf(duration.group(1));
            removed.add(duration.group());
            text.delete(duration.start() - shift, duration.end() - shift);
            shift += duration.end() - duration.start();
        }
        String rest = text.toString();
        String size = null;
        Matcher sizes = SIZE.matcher(rest);
        while (sizes.find()) {
            size = sizes.group(1) + "x" + sizes.group(2);
            removed.add(sizes.group());
        }
        rest = sizes.replaceAll("");
        AspectRatio ratio = null;
        Matcher aspects = ASPECT.matcher(rest);
        while (aspects.find()) {
            ratio = AspectRatio.parseOrNull(aspects.group(1));
            removed.add(aspects.group());
        }
        rest = aspects.replaceAll("");
        rest = remove(RESOLUTION, rest, removed);
        rest = remove(MODEL, rest, removed);
        return new Found(removed.isEmpty() ? prose : PromptText.tidy(rest), seconds, size, ratio, List.copyOf(removed));
    }

    /** Whether the prose holds any setting. */
    static boolean any(String prose) {
        return !find(prose).removed().isEmpty();
    }

    private static String remove(Pattern pattern, String text, List<String> removed) {
        Matcher matcher = pattern.matcher(text);
        boolean found = false;
        while (matcher.find()) {
            removed.add(matcher.group());
            found = true;
        }
        return found ? matcher.replaceAll("") : text;
    }

    private static String wordBefore(String text, int at) {
        int end = at;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
