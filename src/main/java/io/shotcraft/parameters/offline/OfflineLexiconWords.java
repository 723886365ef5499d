package io.shotcraft.parameters.offline;

import java.util.Set;

import io.shotcraft.parameters.Vocabulary;

/**
 * The grammatical words by which the extractor finds phrase boundaries, and small word sets with a special role:
 * the sets of vocabulary/function-words.txt, normalised.
 */
final class OfflineLexiconWords {

    private OfflineLexiconWords() {
    }

    private static Set<String> words(String key) {
        return OfflineLexiconLookup.set(Vocabulary.of("function-words").terms(key));
    }

    static final Set<String> DETERMINERS = words("DETERMINERS");

    static final Set<String> POSSESSIVES = words("POSSESSIVES");

    static final Set<String> NUMBERS = words("NUMBERS");

    static final Set<String> PREPOSITIONS = words("PREPOSITIONS");

    /** Words that may close a verb ("looks up", "dollies in") rather than open a phrase. */
    static final Set<String> PARTICLES = words("PARTICLES");

    /** Particles that are never prepositions. */
    static final Set<String> ADVERBIAL_PARTICLES = words("ADVERBIAL_PARTICLES");

    /** Directions a camera move may end with ("dolly in", "pans left"). */
    static final Set<String> DIRECTIONS = words("DIRECTIONS");

    static final Set<String> LOCATIVES = words("LOCATIVES");

    static final Set<String> CONJUNCTIONS = words("CONJUNCTIONS");

    /** Conjunctions after which a subject's actions may go on ("chops vegetables and stirs the soup"). */
    static final Set<String> ACTION_LINKS = words("ACTION_LINKS");

    static final Set<String> RELATIVES = words("RELATIVES");

    static final Set<String> AUXILIARIES = words("AUXILIARIES");

    static final Set<String> PRONOUNS = words("PRONOUNS");

    /** Pronouns that can stand for the subject and act ("she twirls"). */
    static final Set<String> SUBJECT_PRONOUNS = words("SUBJECT_PRONOUNS");

    static final Set<String> ADVERBS = words("ADVERBS");

    /** Nouns whose phrase is about what follows "of": a flock of birds, the surface of Mars. */
    static final Set<String> GROUPS = words("GROUPS");

    /** Nouns naming a frame, whose kind depends on their modifiers: a wide shot, a drone shot. */
    static final Set<String> FRAMES = words("FRAMES");

    /** Nouns that are a camera move only when the phrase says so: a slow pan, but copper pans. */
    static final Set<String> CAMERA_OR_THING = words("CAMERA_OR_THING");

    static final Set<String> CAMERA_PACES = words("CAMERA_PACES");

    static final Set<String> CAMERA_VERBS = words("CAMERA_VERBS");

    static final Set<String> WEATHER_VERBS = words("WEATHER_VERBS");

    /** Verbs that, followed by "by" or "in", say how a thing is lit: lit by candles, bathed in golden light. */
    static final Set<String> LIGHTING_VERBS = words("LIGHTING_VERBS");

    /** -ing words that usually stand before a noun: simmering pot, cutting board, falling snow. */
    static final Set<String> ING_MODIFIERS = words("ING_MODIFIERS");

    /** Body parts that act for their owner ("her hands knead the dough"). */
    static final Set<String> ACTING_BODY_PARTS = words("ACTING_BODY_PARTS");

    /** Nouns that only announce an aspect ("Lighting: soft and warm", "the mood is tense"). */
    static final Set<String> LABELS = words("LABELS");

    /** Clothing is worn with these: a woman in a red dress, a man wearing a hat. */
    static final Set<String> WEARING = words("WEARING");

    /** Verb and preposition pairs that take an object: looks out the window, picks up a book. */
    static final Set<String> PHRASAL = words("PHRASAL");
}
