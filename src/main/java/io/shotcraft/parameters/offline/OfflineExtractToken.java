package io.shotcraft.parameters.offline;

/**
 * A word of a prompt (or a few words that form one lexicon term, such as "olive oil"), or a punctuation mark.
 *
 * @param text    the text as written
 * @param key     the {@link OfflineLexiconLookup#normalize normalised} text, possessive 's dropped
 * @param start   offset of the first character in the prompt
 * @param end     offset after the last character
 * @param coreEnd offset after the word without its possessive ending ("robot" in "robot's")
 * @param type    a word, a pause inside a sentence ({@code , : ( ) "}) or the end of one ({@code . ! ? ;})
 */
record OfflineExtractToken(String text, String key, int start, int end, int coreEnd, Type type) {

    enum Type {
        WORD, PAUSE, STOP
    }

    boolean isWord() {
        return type == Type.WORD;
    }

    boolean possessive() {
        return coreEnd < end;
    }

    boolean capitalized() {
        return Character.isUpperCase(text.codePointAt(0));
    }

    boolean hyphenated() {
        return text.indexOf('-') > 0;
    }
}
