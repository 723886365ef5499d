package io.shotcraft.clips.offline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The negative prompt every clip of a job shares: the design's banned tokens plus some for the style and mood
 * (no cartoon look for a realistic style, no overexposure for a dark one…), normalised to distinct lower-case
 * tokens in alphabetical order.
 */
public final class NegativePrompts {

    public static final List<String> BANNED = List.of("blurry", "low resolution", "distorted faces", "extra limbs", "text",
            "watermark", "logo", "oversaturated", "flickering", "low quality");

    private NegativePrompts() {
    }

    public static String forStyle(String visualStyle, String mood, List<String> styleKeywords) {
        var style = (" " + String.join(" ", styleKeywords) + " " + text(visualStyle) + " " + text(mood) + " ")
                .toLowerCase(Locale.ROOT);
        var tokens = new ArrayList<>(BANNED);
        if (any(style, "photorealistic", "realistic", "documentary", "live action", "natural")) {
            tokens.addAll(List.of("cartoon", "anime", "illustration"));
        }
        if (any(style, "anime", "animated", "cartoon", "pop art", "illustrat", "comic")) {
            tokens.addAll(List.of("photorealistic", "uncanny valley"));
        }
        if (any(style, "dark", "noir", "moody", "melanchol", "gothic", "somber", "sombre", "low-key")) {
            tokens.addAll(List.of("overexposed", "washed out"));
        }
        if (any(style, "bright", "pop", "cheerful", "happy", "upbeat", "playful", "joyful")) {
            tokens.addAll(List.of("dull colors", "underexposed"));
        }
        return normalize(String.join(", ", tokens));
    }

    /** Distinct, lower-case, comma-separated tokens in alphabetical order. */
    public static String normalize(String negativePrompt) {
        var tokens = new TreeSet<String>();
        Arrays.stream(negativePrompt.split(","))
                .map(t -> t.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .forEach(tokens::add);
        return String.join(", ", tokens);
    }

    private static boolean any(String haystack, String... needles) {
        return Arrays.stream(needles).anyMatch(n -> haystack.contains(n));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
