package io.shotcraft.parameters.offline;

import static io.shotcraft.parameters.offline.OfflineExtractKind.*;
import static io.shotcraft.parameters.offline.OfflineExtractPhrase.Type.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.shotcraft.parameters.offline.OfflineExtractPhrase.Type;

/**
 * One prompt being read: its tokens and phrases, the kind of each noun phrase, which phrases a parameter already
 * took, and the mentions found so far. Used by one call only.
 */
final class OfflineExtractReading {

    private static final int PERSON_SUFFIX_LENGTH = 7;

    private final List<OfflineExtractToken> tokens;
    private final List<OfflineExtractPhrase> phrases;
    private final OfflineExtractKind[] kinds;
    private final boolean[] claimed;
    private final List<OfflineExtractMention> mentions = new ArrayList<>();

    private OfflineExtractReading(List<OfflineExtractToken> tokens) {
        this.tokens = tokens;
        this.phrases = OfflineExtractChunker.chunk(tokens);
        this.kinds = new OfflineExtractKind[phrases.size()];
        this.claimed = new boolean[phrases.size()];
        for (int i = 0; i < phrases.size(); i++) {
            if (phrases.get(i).is(NOUN)) {
                kinds[i] = classify(phrases.get(i), i);
            }
        }
    }

    static OfflineExtractReading of(String prompt) {
        return new OfflineExtractReading(OfflineExtractTokenizer.tokenize(prompt));
    }

    List<OfflineExtractMention> mentions() {
        return mentions;
    }

    int size() {
        return phrases.size();
    }

    OfflineExtractPhrase phrase(int i) {
        return phrases.get(i);
    }

    OfflineExtractToken token(int i) {
        return tokens.get(i);
    }

    /** Whether phrase i exists and has this type. */
    boolean is(int i, Type type) {
        return i >= 0 && i < phrases.size() && phrases.get(i).is(type);
    }

    /** Whether phrase i exists, has this type and is one of these words. */
    boolean is(int i, Type type, Set<String> words) {
        return is(i, type) && words.contains(key(i));
    }

    /** The normalised text of a one-word phrase, or of a noun phrase's head. */
    String key(int i) {
        OfflineExtractPhrase phrase = phrases.get(i);
        return tokens.get(phrase.head() >= 0 ? phrase.head() : phrase.from()).key();
    }

    OfflineExtractKind kind(int i) {
        return kinds[i];
    }

    /** The singular of a noun phrase's head, or of its complement's head for a group ("flock of birds": bird). */
    String lemma(int i) {
        OfflineExtractPhrase phrase = phrases.get(i);
        String lemma = OfflineLexiconLookup.nounLemma(tokens.get(phrase.head()).key());
        if (phrase.complement() != null && OfflineLexiconWords.GROUPS.contains(lemma)) {
            return OfflineLexiconLookup.nounLemma(tokens.get(phrase.complement().head()).key());
        }
        return lemma;
    }

    boolean claimed(int i) {
        return claimed[i];
    }

    void claim(int from, int to) {
        for (int i = from; i <= to; i++) {
            claimed[i] = true;
        }
    }

    /** Records a value from token {@code firstToken} to the end of phrase {@code lastPhrase}. */
    void mention(String name, int firstToken, int lastPhrase) {
        OfflineExtractToken last = tokens.get(phrases.get(lastPhrase).to() - 1);
        mentions.add(new OfflineExtractMention(name, tokens.get(firstToken).start(), last.coreEnd()));
    }

    /** Records one token as a value. */
    void mentionToken(String name, int token) {
        mentions.add(new OfflineExtractMention(name, tokens.get(token).start(), tokens.get(token).coreEnd()));
    }

    /** Records a noun phrase as a value: from {@link #valueFrom} to its end. */
    void mentionPhrase(String name, int i) {
        mention(name, valueFrom(i), i);
    }

    /** What a word in a noun phrase says: its adjective kind if it has one, else its noun kind, else null. */
    static OfflineExtractKind modifierKind(OfflineExtractToken token) {
        OfflineExtractKind kind = OfflineLexiconLookup.modifier(token.key());
        return kind != null ? kind : OfflineLexiconLookup.noun(token.key());
    }

    /**
     * The first token of a noun phrase's value: after its determiners, and after the leading words that belong to
     * another parameter (the style in "anime-style samurai", the weather in "a rainy night").
     */
    int valueFrom(int i) {
        OfflineExtractPhrase phrase = phrases.get(i);
        int at = phrase.body();
        while (at < phrase.head() && peels(kinds[i], modifierKind(tokens.get(at)))) {
            at++;
        }
        return at;
    }

    /**
     * Whether a word of this kind at the front of a phrase of that kind belongs to another parameter: a style or a
     * palette always, the weather or a mood before a time ("a rainy night") or a vague noun ("a windy day").
     */
    private static boolean peels(OfflineExtractKind phrase, OfflineExtractKind word) {
        if (word == null || word == phrase) {
            return false;
        }
        if (word == STYLE || word == PALETTE) {
            return true;
        }
        boolean sceneWord = word == WEATHER || word == MOOD || word == TIME || word == SEASON || word == LIGHTING;
        return sceneWord && (phrase == TIME || phrase == SEASON || phrase == VAGUE);
    }

    /** The phrase before i, skipping adverbs; -1 at the start. */
    int before(int i) {
        int at = i - 1;
        while (at >= 0 && phrases.get(at).is(ADVERB)) {
            at--;
        }
        return at;
    }

    /** Whether phrase i opens a clause: first, or after punctuation or a conjunction. */
    boolean opensClause(int i) {
        int previous = i - 1;
        return previous < 0 || phrases.get(previous).pause() || phrases.get(previous).is(CONJUNCTION);
    }

    private OfflineExtractKind classify(OfflineExtractPhrase phrase, int i) {
        OfflineExtractToken head = tokens.get(phrase.head());
        String lemma = OfflineLexiconLookup.nounLemma(head.key());
        if (phrase.complement() != null && OfflineLexiconWords.GROUPS.contains(lemma)) {
            return classify(phrase.complement(), -1);
        }
        if (OfflineLexiconWords.FRAMES.contains(lemma)) {
            return frame(phrase);
        }
        if (lemma.equals("camera")) {
            return hasModifier(phrase, CAMERA) || i >= 0 && is(nextSkippingAdverbs(i), VERB) ? CAMERA : VAGUE;
        }
        OfflineExtractKind kind = OfflineLexiconLookup.noun(head.key());
        if (OfflineLexiconWords.CAMERA_OR_THING.contains(lemma) && cameraCue(phrase, i)) {
            return CAMERA;
        }
        return kind != null ? kind : unknownKind(phrase, i);
    }

    private OfflineExtractKind frame(OfflineExtractPhrase phrase) {
        if (hasModifier(phrase, CAMERA)) {
            return CAMERA;
        }
        return hasModifier(phrase, SHOT) ? SHOT : VAGUE;
    }

    private boolean hasModifier(OfflineExtractPhrase phrase, OfflineExtractKind kind) {
        for (int at = phrase.body(); at < phrase.head(); at++) {
            if (modifierKind(tokens.get(at)) == kind) {
                return true;
            }
        }
        return false;
    }

    /**
     * "A slow pan across the skyline" and "Camera: pan left" are camera moves; "copper pans", "in a cast iron pan
     * over the stove" and "a crane flies" are not.
     */
    private boolean cameraCue(OfflineExtractPhrase phrase, int i) {
        for (int at = phrase.body(); at < phrase.head(); at++) {
            if (OfflineLexiconWords.CAMERA_PACES.contains(tokens.get(at).key())) {
                return true;
            }
        }
        return i >= 0 && phrase.body() == phrase.head() && !is(before(i), PREPOSITION)
                && !OfflineLexiconLookup.plural(tokens.get(phrase.head()).key())
                && is(i + 1, PREPOSITION, OfflineLexiconWords.DIRECTIONS);
    }

    private OfflineExtractKind unknownKind(OfflineExtractPhrase phrase, int i) {
        String key = tokens.get(phrase.head()).key();
        if (key.endsWith("ist") && key.length() >= PERSON_SUFFIX_LENGTH) {
            return ANIMATE;
        }
        if (i < 0) {
            return PROP;
        }
        int previous = before(i);
        if (is(previous, PREPOSITION, OfflineLexiconWords.LOCATIVES) && properName(phrase)) {
            return PLACE;
        }
        boolean expected = phrase.body() > phrase.from() || is(previous, PREPOSITION) || is(previous, VERB)
                || is(previous, CONJUNCTION);
        return expected ? PROP : VAGUE;
    }

    private boolean properName(OfflineExtractPhrase phrase) {
        for (int at = phrase.body(); at <= phrase.head(); at++) {
            if (!tokens.get(at).capitalized()) {
                return false;
            }
        }
        return true;
    }

    private int nextSkippingAdverbs(int i) {
        int at = i + 1;
        while (is(at, ADVERB)) {
            at++;
        }
        return at;
    }
}
