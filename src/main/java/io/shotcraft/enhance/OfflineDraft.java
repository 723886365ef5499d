package io.shotcraft.enhance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.shotcraft.parameters.Aspect;

/**
 * An enhanced prompt being assembled: the user's prompt, verbatim, and the additions chosen so far. Renders them as
 * one paragraph: image context, the prompt, then a sentence of framing and motion followed by light and colour.
 * Immutable.
 */
final class OfflineDraft {

    private static final String IMAGE_LEAD = "Starting from the reference image";
    private static final String SENTENCE_ENDS = ".!?…。！？";
    private static final String CLOSERS = "\"'”’»)]）」』";
    private static final String CLAUSE_ENDS = ",;:—–-";

    private final String prompt;
    private final Map<Aspect, String> parts;

    OfflineDraft(String prompt) {
        this(prompt, new EnumMap<>(Aspect.class));
    }

    private OfflineDraft(String prompt, Map<Aspect, String> parts) {
        this.prompt = prompt;
        this.parts = parts;
    }

    OfflineDraft with(Aspect aspect, String text) {
        var extended = new EnumMap<>(parts);
        extended.put(aspect, text);
        return new OfflineDraft(prompt, extended);
    }

    OfflineEnhancement result() {
        return new OfflineEnhancement(text(), added());
    }

    int wordCount() {
        return wordCount(text());
    }

    /** Words of a text whose whitespace is already normalised to single spaces. */
    static int wordCount(String normalised) {
        return normalised.isEmpty() ? 0 : (int) normalised.chars().filter(c -> c == ' ').count() + 1;
    }

    String text() {
        String additions = additions();
        String opened = opening() + prompt;
        if (additions.isEmpty()) {
            return opened;
        }
        if (endsClause(prompt)) {
            return opened + " " + additions + ".";
        }
        return opened + (endsSentence(prompt) ? " " : ". ") + capitalise(additions) + ".";
    }

    private List<String> added() {
        return OfflinePromptEnhancer.ASPECTS.stream().filter(parts::containsKey).map(Aspect::wire).toList();
    }

    private String opening() {
        String caption = parts.get(Aspect.IMAGE_CONTEXT);
        if (caption == null) {
            return "";
        }
        if (startsLowerCase(prompt) && !endsSentence(caption) && !endsClause(caption)) {
            return IMAGE_LEAD + " — " + caption + " — ";
        }
        return IMAGE_LEAD + ": " + caption + (endsSentence(caption) ? " " : ". ");
    }

    private String additions() {
        String framing = framing();
        String look = joined(", ", part(Aspect.LIGHTING), part(Aspect.COLOR_ATMOSPHERE));
        return joined("; ", framing, look);
    }

    private String framing() {
        String camera = part(Aspect.CAMERA_MOVEMENT);
        String motion = part(Aspect.MOTION);
        String lead = joined(", ", part(Aspect.SHOT_TYPE), camera);
        if (lead.isEmpty() || motion.isEmpty()) {
            return lead + motion;
        }
        return lead + (camera.isEmpty() ? ", " : " as ") + motion;
    }

    private String part(Aspect aspect) {
        return parts.getOrDefault(aspect, "");
    }

    private static String joined(String separator, String first, String second) {
        if (first.isEmpty() || second.isEmpty()) {
            return first + second;
        }
        return first + separator + second;
    }

    private static String capitalise(String text) {
        int first = text.codePointAt(0);
        return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                .append(text, Character.charCount(first), text.length()).toString();
    }

    private static boolean startsLowerCase(String text) {
        return Character.isLowerCase(text.codePointAt(0));
    }

    private static boolean endsSentence(String text) {
        int end = text.length();
        while (end > 0 && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && SENTENCE_ENDS.indexOf(text.charAt(end - 1)) >= 0;
    }

    private static boolean endsClause(String text) {
        return CLAUSE_ENDS.indexOf(text.charAt(text.length() - 1)) >= 0;
    }
}
