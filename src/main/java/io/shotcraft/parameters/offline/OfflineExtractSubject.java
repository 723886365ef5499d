package io.shotcraft.parameters.offline;

import static io.shotcraft.parameters.offline.OfflineExtractKind.*;
import static io.shotcraft.parameters.offline.OfflineExtractPhrase.Type.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * Finds the subject of a prompt, what it wears, and what it does. The subject is the first being ("the teal
 * robot"); failing that, acting hands ("hands kneading dough"), or the first thing named if it acts ("a red car
 * speeds"), or the first event ("a car chase"), or a person named only by a pronoun ("she walks"). Its actions are
 * the verbs that follow it and each later reference to it ("the robot", "she", "her hands"), with their objects:
 * "cooking food", "chops vegetables".
 */
final class OfflineExtractSubject {

    static final String SUBJECT = "subject";
    static final String ACTION = "subject_action";
    static final String SECONDARY = "secondary_subject";

    private static final Set<String> PERSONAL_PRONOUNS = Set.of("he", "she", "they");
    private static final Set<String> DRESSING_VERBS = Set.of("wearing", "dressed", "clad");
    private static final Set<String> AND = Set.of("and");
    private static final Set<String> IN = Set.of("in");
    private static final Set<OfflineExtractKind> OBJECT_KINDS = Set.copyOf(
            EnumSet.of(PROP, CLOTHING, ANIMATE, BODY, EVENT, VAGUE));

    private final OfflineExtractReading reading;
    private String lemma;

    private OfflineExtractSubject(OfflineExtractReading reading) {
        this.reading = reading;
    }

    /** Records the subject, its actions and a second being named with it; returns whether there is a subject. */
    static boolean read(OfflineExtractReading reading) {
        int subject = find(reading);
        if (subject < 0) {
            return false;
        }
        new OfflineExtractSubject(reading).readFrom(subject);
        return true;
    }

    private static int find(OfflineExtractReading reading) {
        int acting = -1;
        int event = -1;
        boolean first = true;
        for (int i = 0; i < reading.size(); i++) {
            if (!reading.is(i, NOUN) || reading.claimed(i)) {
                continue;
            }
            OfflineExtractKind kind = reading.kind(i);
            if (kind == ANIMATE) {
                return i;
            }
            if (acting < 0 && (kind == BODY || kind == PROP && first) && acts(reading, i)) {
                acting = i;
            }
            first &= !(kind.thing() || kind == PLACE);
            if (event < 0 && kind == EVENT) {
                event = i;
            }
        }
        if (acting >= 0 || event >= 0) {
            return acting >= 0 ? acting : event;
        }
        return actingPronoun(reading);
    }

    /** A prompt that opens on "she" or "he" has that pronoun as its subject. */
    private static int actingPronoun(OfflineExtractReading reading) {
        for (int i = 0; i < reading.size(); i++) {
            if (reading.is(i, PRONOUN, PERSONAL_PRONOUNS) && reading.opensClause(i) && acts(reading, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean acts(OfflineExtractReading reading, int i) {
        int at = i + 1;
        while (reading.is(at, ADVERB) || reading.is(at, AUXILIARY)) {
            at++;
        }
        return reading.is(at, VERB);
    }

    private void readFrom(int subject) {
        if (reading.is(subject, PRONOUN)) {
            lemma = reading.key(subject);
            reading.mentionToken(SUBJECT, reading.phrase(subject).from());
            reading.claim(subject, subject);
            actions(verbAfter(subject + 1, false));
            readReferences(subject + 1);
            return;
        }
        lemma = reading.lemma(subject);
        int last = attire(subject);
        reading.mention(SUBJECT, reading.valueFrom(subject), last);
        reading.claim(subject, last);
        int next = last + 1;
        if (reading.is(next, CONJUNCTION, AND) && reading.is(next + 1, NOUN)
                && reading.kind(next + 1) == ANIMATE && !reading.lemma(next + 1).equals(lemma)) {
            reading.mentionPhrase(SECONDARY, next + 1);
            reading.claim(next, next + 1);
            next += 2;
        }
        if (next == last + 1) {
            actOf(last, true);
        } else {
            actions(verbAfter(next, false));
        }
        readReferences(next);
    }

    /** The last phrase of the subject with what it wears: "woman in a red dress", "man with a grey beard". */
    private int attire(int subject) {
        int last = subject;
        while (true) {
            int at = last + 1;
            if (reading.is(at, VERB) && DRESSING_VERBS.contains(reading.key(at))) {
                at += reading.is(at + 1, PREPOSITION, IN) ? 1 : 0;
            } else if (!(reading.is(at, PREPOSITION, OfflineLexiconWords.WEARING)
                    || last > subject && reading.is(at, CONJUNCTION, AND))) {
                return last;
            }
            if (!worn(at + 1, reading.key(at).equals("with"))) {
                return last;
            }
            last = at + 1;
        }
    }

    private boolean worn(int i, boolean with) {
        if (!reading.is(i, NOUN)) {
            return false;
        }
        OfflineExtractKind kind = reading.kind(i);
        return kind == CLOTHING || with && kind == BODY;
    }

    private void readReferences(int from) {
        for (int i = from; i < reading.size(); i++) {
            if (reading.claimed(i)) {
                continue;
            }
            if (reading.is(i, NOUN) && reading.lemma(i).equals(lemma)) {
                reading.claim(i, i);
                actOf(i, false);
            } else if (reading.is(i, PRONOUN, OfflineLexiconWords.SUBJECT_PRONOUNS) && reading.opensClause(i)) {
                actions(verbAfter(i + 1, false));
            } else if (ownedActingPart(i)) {
                reading.claim(i, i);
                actions(verbAfter(i + 1, false));
            }
        }
    }

    /** Reads the actions of a mention of the subject; "the robot's arm lifts" acts through the arm. */
    private void actOf(int mention, boolean subject) {
        if (!reading.token(reading.phrase(mention).head()).possessive()) {
            actions(verbAfter(mention + 1, subject));
        } else if (actingPart(mention + 1)) {
            reading.claim(mention + 1, mention + 1);
            actions(verbAfter(mention + 2, false));
        }
    }

    private boolean actingPart(int i) {
        return reading.is(i, NOUN) && reading.kind(i) == BODY
                && OfflineLexiconWords.ACTING_BODY_PARTS.contains(reading.lemma(i));
    }

    /** "Her hands knead the dough": a possessive pronoun and a body part that acts. */
    private boolean ownedActingPart(int i) {
        if (!actingPart(i)) {
            return false;
        }
        OfflineExtractPhrase phrase = reading.phrase(i);
        return phrase.body() > phrase.from()
                && OfflineLexiconWords.POSSESSIVES.contains(reading.token(phrase.from()).key());
    }

    /**
     * The verb that an actor at {@code from} performs, past auxiliaries, adverbs and relative pronouns; for the
     * subject itself also past one place ("a cat on the sill sleeps"). Returns -1 when no verb follows.
     */
    private int verbAfter(int from, boolean subject) {
        int at = skipToVerb(from);
        if (subject && reading.is(at, PREPOSITION) && reading.is(at + 1, NOUN) && !reading.claimed(at + 1)) {
            int after = skipToVerb(at + 2);
            if (reading.is(after, VERB)) {
                return after;
            }
        }
        return reading.is(at, VERB) ? at : -1;
    }

    private int skipToVerb(int from) {
        int at = from;
        while (reading.is(at, AUXILIARY) || reading.is(at, ADVERB) || reading.is(at, RELATIVE)
                || at < reading.size() && reading.claimed(at)) {
            at++;
        }
        return at;
    }

    private void actions(int verb) {
        int at = verb;
        while (at >= 0 && !reading.claimed(at)) {
            boolean participle = reading.key(at).endsWith("ing");
            at = nextAction(action(at), participle);
        }
    }

    /** Records the action at a verb, with its particle or object; returns the phrase after it. */
    private int action(int verb) {
        String base = OfflineLexiconLookup.verb(reading.key(verb));
        if (base != null && OfflineLexiconWords.WEATHER_VERBS.contains(base)) {
            reading.mention(WEATHER.parameter(), reading.phrase(verb).from(), verb);
            reading.claim(verb, verb);
            return verb + 1;
        }
        int last = verb + complementLength(verb, base);
        reading.mention(ACTION, reading.phrase(verb).from(), last);
        reading.claim(verb, last);
        return last + 1;
    }

    /**
     * How many phrases after the verb belong to the action: a particle ("looks up"), an object ("chops
     * vegetables", "chops onions and carrots"), or both ("looks out the window").
     */
    private int complementLength(int verb, String base) {
        int next = verb + 1;
        if (reading.is(next, PREPOSITION)) {
            String particle = reading.key(next);
            if (base != null && OfflineLexiconWords.PHRASAL.contains(base + " " + particle)
                    && reading.is(next + 1, NOUN) && !reading.claimed(next + 1)) {
                return 2;
            }
            boolean free = OfflineLexiconWords.PARTICLES.contains(particle) && !reading.is(next + 1, NOUN)
                    && !reading.is(next + 1, ADJECTIVES);
            return free ? 1 : 0;
        }
        if (!object(next)) {
            return 0;
        }
        boolean pair = reading.is(next + 1, CONJUNCTION, AND) && object(next + 2)
                && reading.kind(next + 2) == reading.kind(next) && !reading.is(next + 3, VERB);
        return pair ? 3 : 1;
    }

    private static boolean finite(String key) {
        return key.endsWith("s") && !key.endsWith("ss") || OfflineLexiconLookup.irregularVerbForm(key);
    }

    private boolean object(int i) {
        return reading.is(i, NOUN) && !reading.claimed(i) && OBJECT_KINDS.contains(reading.kind(i));
    }

    /**
     * The verb of a further action after one ends, or -1: past a place ("circles a castle", "on a worn board") and
     * adverbs, a comma or a
     * linking conjunction must lead to another verb ("chops vegetables and stirs the soup"). After a participle,
     * the main verb may follow directly ("a woman holding an umbrella waits").
     */
    private int nextAction(int from, boolean participle) {
        int at = reading.is(from, NOUN) && !reading.claimed(from) ? from + 1 : from;
        while (reading.is(at, ADVERB) || reading.is(at, PREPOSITION) && reading.is(at + 1, NOUN)) {
            at += reading.is(at, ADVERB) ? 1 : 2;
        }
        if (participle && reading.is(at, VERB) && !reading.claimed(at) && finite(reading.key(at))) {
            return at;
        }
        boolean link = reading.is(at, CONJUNCTION, OfflineLexiconWords.ACTION_LINKS)
                || reading.is(at, PAUSE) && reading.token(reading.phrase(at).from()).text().equals(",");
        if (!link) {
            return -1;
        }
        at += reading.is(at + 1, CONJUNCTION, OfflineLexiconWords.ACTION_LINKS) ? 2 : 1;
        at = skipToVerb(at);
        return reading.is(at, VERB) && !reading.claimed(at) ? at : -1;
    }
}
