package io.shotcraft.parameters.offline;

/**
 * A chunk of a prompt: a noun phrase, a run of adjectives, a verb or one grammatical word, over tokens
 * {@code [from, to)}.
 *
 * @param body       for noun phrases and adjectives, the first token after the determiners, or their number
 *                   ("two kids")
 * @param head       for noun phrases, the token of the head noun; otherwise -1
 * @param complement for noun phrases, the "of" phrase that completes it ("bottle of olive oil"), or null
 */
record OfflineExtractPhrase(Type type, int from, int to, int body, int head, OfflineExtractPhrase complement) {

    enum Type {
        NOUN, ADJECTIVES, VERB, PREPOSITION, CONJUNCTION, RELATIVE, AUXILIARY, PRONOUN, ADVERB, PAUSE, STOP, OTHER
    }

    static OfflineExtractPhrase word(Type type, int at) {
        return new OfflineExtractPhrase(type, at, at + 1, at, -1, null);
    }

    boolean is(Type type) {
        return this.type == type;
    }

    /** Whether this phrase ends a clause: punctuation, or the end of a sentence. */
    boolean pause() {
        return type == Type.PAUSE || type == Type.STOP;
    }
}
