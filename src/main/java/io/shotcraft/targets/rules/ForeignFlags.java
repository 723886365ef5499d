package io.shotcraft.targets.rules;

import java.util.regex.Pattern;

/**
 * Midjourney-style {@code --name value} flags written into the prompt of a model that reads none (Sora, Leonardo,
 * Stable Diffusion). Such a model would draw the flag as words, so the adapters take them out.
 */
final class ForeignFlags {

    /** A flag and, when it looks like one, its value (a token with a digit or a colon). Linear: no nesting. */
    private static final Pattern FLAG = Pattern.compile("(?:^|(?<=\\s))(?:--|—)[A-Za-z][\\w-]*(?:\\s+[^\\s-]*[\\d:][^\\s]*)?");

    private ForeignFlags() {
    }

    static boolean present(String text) {
        return FLAG.matcher(text).find();
    }

    /** The text without flags; null when it had none. */
    static String removed(String text) {
        var matcher = FLAG.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        return PromptText.tidy(matcher.replaceAll(""));
    }
}
