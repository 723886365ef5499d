package io.shotcraft.targets.rules;

/**
 * A stand-in for the CLIP tokenizer in these tests: one token per run of letters or digits and one per other visible
 * character. It is not CLIP's count (BPE splits rare words into more pieces); the service wires the real
 * {@code ClipTokenizer}. The rules only need a counter, so the tests fix the counts they reason about.
 */
final class StandInTokens {

    private StandInTokens() {
    }

    static int count(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    count++;
                }
                inWord = true;
            } else {
                inWord = false;
                if (!Character.isWhitespace(c)) {
                    count++;
                }
            }
        }
        return count;
    }
}
