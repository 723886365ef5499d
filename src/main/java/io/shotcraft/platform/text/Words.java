package io.shotcraft.platform.text;

/** Word counts as prompt limits (max_words) count them: runs of non-whitespace characters. */
public final class Words {

    private Words() {
    }

    /** The number of whitespace-separated words; 0 for null or blank text. One pass, no regular expression. */
    public static int count(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }
}
