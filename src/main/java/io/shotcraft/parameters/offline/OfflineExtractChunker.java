package io.shotcraft.parameters.offline;

import static io.shotcraft.parameters.offline.OfflineExtractPhrase.Type.*;

import java.util.ArrayList;
import java.util.List;

import io.shotcraft.parameters.offline.OfflineExtractPhrase.Type;

/**
 * Cuts a prompt's tokens into phrases, left to right. A noun phrase is (determiners) (adjectives, participles and
 * nouns used as adjectives) nouns, optionally completed by "of" and another noun phrase. Whether a word that could
 * be a noun or a verb is one or the other depends on what came before: after a noun phrase, "chops" is a verb;
 * after "a", "cutting" opens a noun phrase. Used for one prompt only.
 */
final class OfflineExtractChunker {

    /** What the last phrase leads to expect. */
    private enum State {
        CLAUSE_START, AFTER_NOUN, AFTER_VERB, AFTER_PREPOSITION, AFTER_AND, OTHER
    }

    private final List<OfflineExtractToken> tokens;
    private final List<OfflineExtractPhrase> phrases = new ArrayList<>();
    private State state = State.CLAUSE_START;
    private boolean pluralSubject;
    private String verbForm;

    private OfflineExtractChunker(List<OfflineExtractToken> tokens) {
        this.tokens = tokens;
    }

    static List<OfflineExtractPhrase> chunk(List<OfflineExtractToken> tokens) {
        var chunker = new OfflineExtractChunker(tokens);
        int at = 0;
        while (at < tokens.size()) {
            at = chunker.next(at);
        }
        return List.copyOf(chunker.phrases);
    }

    private int next(int at) {
        OfflineExtractToken token = tokens.get(at);
        if (!token.isWord()) {
            return punctuation(at);
        }
        Type function = functionType(at);
        if (function != null) {
            return function(at, function);
        }
        if (state == State.AFTER_NOUN && verbal(token)
                || state == State.AFTER_AND && verbAfterAnd(token)
                || state == State.CLAUSE_START && (clauseVerb(at) || listedVerb(at))) {
            return verb(at);
        }
        boolean anchored = state == State.AFTER_PREPOSITION || state == State.AFTER_VERB
                || state == State.AFTER_AND;
        OfflineExtractPhrase phrase = nounPhrase(at, anchored);
        if (phrase != null) {
            return add(phrase);
        }
        if (OfflineLexiconLookup.verb(token.key()) != null) {
            return verb(at);
        }
        phrases.add(OfflineExtractPhrase.word(OTHER, at));
        state = State.OTHER;
        return at + 1;
    }

    private int punctuation(int at) {
        boolean stop = tokens.get(at).type() == OfflineExtractToken.Type.STOP;
        phrases.add(OfflineExtractPhrase.word(stop ? STOP : PAUSE, at));
        state = State.CLAUSE_START;
        if (stop) {
            verbForm = null;
        }
        return at + 1;
    }

    /** The type of a grammatical word here, or null for a word that may open a noun phrase or be a verb. */
    private Type functionType(int at) {
        String key = tokens.get(at).key();
        if (OfflineLexiconWords.RELATIVES.contains(key) && state == State.AFTER_NOUN) {
            return RELATIVE;
        }
        if (determiner(at)) {
            return startsBody(at + 1) || determiner(at + 1) ? null : possessive(key) ? PRONOUN : OTHER;
        }
        if (OfflineLexiconWords.PREPOSITIONS.contains(key) || OfflineLexiconWords.PARTICLES.contains(key)) {
            return PREPOSITION;
        }
        if (OfflineLexiconWords.CONJUNCTIONS.contains(key)) {
            return CONJUNCTION;
        }
        if (OfflineLexiconWords.AUXILIARIES.contains(key)) {
            return AUXILIARY;
        }
        if (OfflineLexiconWords.PRONOUNS.contains(key)) {
            return PRONOUN;
        }
        boolean describes = state != State.AFTER_NOUN && lyAdjective(at);
        return adverb(tokens.get(at)) && !describes ? ADVERB : null;
    }

    private int function(int at, Type type) {
        phrases.add(OfflineExtractPhrase.word(type, at));
        String key = tokens.get(at).key();
        switch (type) {
            case PREPOSITION -> state = State.AFTER_PREPOSITION;
            case CONJUNCTION -> state = !key.equals("and") && !key.equals("or") ? State.CLAUSE_START
                    : afterAdjectives() ? State.OTHER : State.AFTER_AND;
            case RELATIVE, AUXILIARY -> state = State.AFTER_NOUN;
            case PRONOUN -> {
                state = State.AFTER_NOUN;
                pluralSubject = key.equals("they") || key.equals("we");
            }
            case ADVERB -> {
                // an adverb leaves the expectation as it was: "the robot slowly chops"
            }
            default -> state = State.OTHER;
        }
        return at + 1;
    }

    /** Whether the phrase before the last one is a run of adjectives: "slow and deliberate". */
    private boolean afterAdjectives() {
        return phrases.size() > 1 && phrases.get(phrases.size() - 2).is(ADJECTIVES);
    }

    private int verb(int at) {
        phrases.add(OfflineExtractPhrase.word(VERB, at));
        verbForm = form(tokens.get(at).key());
        state = State.AFTER_VERB;
        return at + 1;
    }

    private int add(OfflineExtractPhrase phrase) {
        phrases.add(phrase);
        if (phrase.is(NOUN)) {
            OfflineExtractToken head = tokens.get(phrase.head());
            state = head.possessive() ? State.AFTER_PREPOSITION : State.AFTER_NOUN;
            pluralSubject = OfflineLexiconLookup.plural(head.key());
        } else {
            state = State.OTHER;
        }
        return phrase.to();
    }

    /**
     * The noun phrase (or run of adjectives) starting here, or null. Once a known noun is read, only known nouns may
     * follow it ("cast iron skillet"), so that an unknown word after a noun is left to be read as a verb.
     */
    private OfflineExtractPhrase nounPhrase(int at, boolean anchored) {
        int i = at;
        int count = -1;
        while (i < tokens.size() && determiner(i) && (startsBody(i + 1) || determiner(i + 1))) {
            count = count < 0 && number(tokens.get(i).key()) ? i : count;
            i++;
        }
        int body = i;
        boolean expected = anchored || body > at;
        int last = -1;
        int lastNoun = -1;
        int lastModifier = -1;
        while (i < tokens.size() && tokens.get(i).isWord()) {
            OfflineExtractToken token = tokens.get(i);
            if (joinsModifiers(i, lastModifier) || lastNoun < 0 && adverb(token) && modifier(i + 1, true)) {
                i++;
                continue;
            }
            boolean functionWins = i > body || body == at;
            if (functionWins && function(token)) {
                break;
            }
            boolean noun = OfflineLexiconLookup.noun(token.key()) != null;
            if (lastNoun >= 0 && (!noun || agreeingVerb(i, tokens.get(lastNoun)))) {
                break;
            }
            if (!noun && modifier(i, expected || i > body)) {
                last = lastModifier = i++;
                continue;
            }
            boolean newWord = unknown(token) && !ing(token) && !ed(token);
            if (!noun && !(newWord && (expected || i > body || properNoun(i)))) {
                break;
            }
            last = i;
            lastNoun = noun ? i : lastNoun;
            i++;
            if (token.possessive()) {
                break;
            }
        }
        return last < 0 ? null : finish(at, count < 0 ? body : count, last, lastNoun);
    }

    private OfflineExtractPhrase finish(int at, int body, int last, int lastNoun) {
        OfflineExtractToken lastToken = tokens.get(last);
        if (lastNoun != last && !unknown(lastToken)) {
            return new OfflineExtractPhrase(ADJECTIVES, at, last + 1, body, -1, null);
        }
        OfflineExtractPhrase complement = null;
        int of = last + 1;
        if (!lastToken.possessive() && of < tokens.size() && tokens.get(of).key().equals("of")
                && takesComplement(lastToken)) {
            complement = nounPhrase(of + 1, true);
            if (complement != null && !complement.is(NOUN)) {
                complement = null;
            }
        }
        int to = complement == null ? last + 1 : complement.to();
        return new OfflineExtractPhrase(NOUN, at, to, body, last, complement);
    }

    private boolean takesComplement(OfflineExtractToken head) {
        String lemma = OfflineLexiconLookup.nounLemma(head.key());
        if (OfflineLexiconWords.GROUPS.contains(lemma)) {
            return true;
        }
        OfflineExtractKind kind = OfflineLexiconLookup.noun(head.key());
        if (kind == OfflineExtractKind.STYLE) {
            return lemma.equals("style") || lemma.equals("aesthetic");
        }
        return kind != OfflineExtractKind.ANIMATE && kind != OfflineExtractKind.BODY
                && kind != OfflineExtractKind.SHOT && kind != OfflineExtractKind.CAMERA
                && kind != OfflineExtractKind.TIME;
    }

    /** Whether a word may stand before a noun here: a known adjective, a hyphenated word, a participle. */
    private boolean modifier(int i, boolean inside) {
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return false;
        }
        OfflineExtractToken token = tokens.get(i);
        if (OfflineLexiconLookup.modifier(token.key()) != null || Character.isDigit(token.key().charAt(0))
                || lyAdjective(i)) {
            return true;
        }
        if (token.hyphenated() && unknown(token)) {
            return true;
        }
        boolean participle = ing(token) && (inside || OfflineLexiconWords.ING_MODIFIERS.contains(token.key()))
                || ed(token);
        return participle && startsBody(i + 1);
    }

    private boolean joinsModifiers(int i, int lastModifier) {
        return tokens.get(i).key().equals("and") && lastModifier == i - 1 && modifier(i + 1, true);
    }

    /**
     * An unknown -ly word that stands before a noun and is not made from a known adjective describes the noun
     * ("curly hair", "a lovely garden"); otherwise it is an adverb ("slowly").
     */
    private boolean lyAdjective(int i) {
        OfflineExtractToken token = tokens.get(i);
        String key = token.key();
        if (!key.endsWith("ly") || !unknown(token) || i + 1 >= tokens.size()
                || OfflineLexiconLookup.noun(tokens.get(i + 1).key()) == null) {
            return false;
        }
        String stem = key.substring(0, key.length() - 2);
        return OfflineLexiconLookup.modifier(stem) == null && !stem.endsWith("i") && !stem.endsWith("ful");
    }

    /**
     * After a noun, a word that agrees with it as a verb is its verb rather than a compound: "the robot lights a
     * lamp", "colors painting the sky", and "kids race their bikes" (a plural noun and a bare verb followed by its
     * object or a place).
     */
    private boolean agreeingVerb(int i, OfflineExtractToken noun) {
        String key = tokens.get(i).key();
        String base = OfflineLexiconLookup.verb(key);
        if (base == null) {
            return false;
        }
        if (key.endsWith("ing") && determiner(i + 1)) {
            return true;
        }
        if (!OfflineLexiconLookup.plural(noun.key())) {
            return key.endsWith("s") && !key.endsWith("ss");
        }
        return base.equals(key) && (determiner(i + 1) || i + 1 < tokens.size()
                && OfflineLexiconWords.PREPOSITIONS.contains(tokens.get(i + 1).key()));
    }

    private boolean verbal(OfflineExtractToken token) {
        String key = token.key();
        return OfflineLexiconLookup.verb(key) != null || ing(token) || ed(token)
                || unknown(token) && key.endsWith("s") && !key.endsWith("ss") && !pluralSubject;
    }

    /**
     * After "and", a word is a verb if it cannot be a noun, or has the marked form (-s, -ing, -ed) of the sentence's
     * last verb: "chops vegetables and lights a lamp", but "pans and lights".
     */
    private boolean verbAfterAnd(OfflineExtractToken token) {
        String key = token.key();
        if (verbForm == null || !(OfflineLexiconLookup.verb(key) != null || ing(token) || ed(token))) {
            return false;
        }
        boolean nominal = OfflineLexiconLookup.noun(key) != null || OfflineLexiconLookup.modifier(key) != null;
        String form = form(key);
        return !nominal || !form.equals("base") && form.equals(verbForm);
    }

    /** A participle opening a clause is a verb ("catching glints of light") unless it describes a noun. */
    private boolean clauseVerb(int at) {
        OfflineExtractToken token = tokens.get(at);
        if (!ing(token) && !ed(token)) {
            return false;
        }
        boolean describes = (ed(token) || OfflineLexiconWords.ING_MODIFIERS.contains(token.key()))
                && startsBody(at + 1);
        return !describes && OfflineLexiconLookup.modifier(token.key()) == null;
    }

    /**
     * After a comma, a word with the marked form of the sentence's last verb continues a list of verbs ("she
     * stops, smiles, and waves") if it cannot be a noun, or if what follows it is no noun.
     */
    private boolean listedVerb(int at) {
        OfflineExtractToken token = tokens.get(at);
        String key = token.key();
        if (verbForm == null || verbForm.equals("base") || !form(key).equals(verbForm) || at == 0
                || !tokens.get(at - 1).text().equals(",") || OfflineLexiconLookup.verb(key) == null) {
            return false;
        }
        boolean nominal = OfflineLexiconLookup.noun(key) != null || OfflineLexiconLookup.modifier(key) != null;
        return !nominal || at + 1 >= tokens.size() || !tokens.get(at + 1).isWord() || function(tokens.get(at + 1));
    }

    private boolean determiner(int i) {
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return false;
        }
        String key = tokens.get(i).key();
        return OfflineLexiconWords.DETERMINERS.contains(key) || possessive(key) || number(key);
    }

    private static boolean number(String key) {
        return OfflineLexiconWords.NUMBERS.contains(key) || key.chars().allMatch(Character::isDigit);
    }

    private static boolean possessive(String key) {
        return OfflineLexiconWords.POSSESSIVES.contains(key);
    }

    /** Whether a word here can be part of a noun phrase's body: a noun, an adjective, a participle, a new word. */
    private boolean startsBody(int i) {
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return false;
        }
        OfflineExtractToken token = tokens.get(i);
        String key = token.key();
        if (OfflineLexiconLookup.noun(key) != null || OfflineLexiconLookup.modifier(key) != null) {
            return true;
        }
        return !function(token) && !adverb(token) && (unknown(token) || ing(token) || ed(token));
    }

    private boolean properNoun(int i) {
        return tokens.get(i).capitalized() && i > 0 && tokens.get(i - 1).type() != OfflineExtractToken.Type.STOP;
    }

    /** Grammatical words that end a noun phrase. Adverbs are left out: "overhead" may still describe a rack. */
    private static boolean function(OfflineExtractToken token) {
        String key = token.key();
        return OfflineLexiconWords.DETERMINERS.contains(key) || OfflineLexiconWords.POSSESSIVES.contains(key)
                || OfflineLexiconWords.NUMBERS.contains(key) || OfflineLexiconWords.PREPOSITIONS.contains(key)
                || OfflineLexiconWords.PARTICLES.contains(key) || OfflineLexiconWords.CONJUNCTIONS.contains(key)
                || OfflineLexiconWords.RELATIVES.contains(key) || OfflineLexiconWords.AUXILIARIES.contains(key)
                || OfflineLexiconWords.PRONOUNS.contains(key);
    }

    private static boolean adverb(OfflineExtractToken token) {
        String key = token.key();
        return OfflineLexiconWords.ADVERBS.contains(key)
                || key.endsWith("ly") && key.length() > 4 && key.indexOf(' ') < 0 && unknown(token);
    }

    /** A word no lexicon knows, and no grammatical word either. */
    private static boolean unknown(OfflineExtractToken token) {
        String key = token.key();
        return OfflineLexiconLookup.noun(key) == null && OfflineLexiconLookup.modifier(key) == null
                && OfflineLexiconLookup.verb(key) == null && !function(token)
                && !OfflineLexiconWords.ADVERBS.contains(key);
    }

    private static boolean ing(OfflineExtractToken token) {
        String key = token.key();
        return key.endsWith("ing") && key.length() > 4 && key.indexOf(' ') < 0
                && OfflineLexiconLookup.noun(key) == null;
    }

    private static boolean ed(OfflineExtractToken token) {
        String key = token.key();
        return key.endsWith("ed") && key.length() > 4 && key.indexOf(' ') < 0
                && OfflineLexiconLookup.noun(key) == null;
    }

    private static String form(String key) {
        if (key.endsWith("ing")) {
            return "ing";
        }
        if (key.endsWith("ed") || OfflineLexiconLookup.irregularVerbForm(key)) {
            return "ed";
        }
        return key.endsWith("s") ? "s" : "base";
    }
}
