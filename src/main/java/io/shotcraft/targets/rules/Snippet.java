package io.shotcraft.targets.rules;

/** A short quoted fragment of user text for a warning or an error: never the whole text. */
final class Snippet {

    private static final int LENGTH = 24;

    private Snippet() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.strip().replace('\n', ' ');
        return flat.length() <= LENGTH ? flat : flat.substring(0, LENGTH - 1) + "…";
    }
}
