package io.shotcraft.parameters.offline;

import static io.shotcraft.parameters.offline.OfflineExtractKind.*;
import static io.shotcraft.parameters.offline.OfflineExtractPhrase.Type.*;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads everything around the subject: the location, the props, and the aspects of the shot (time of day,
 * weather, lighting, atmosphere, camera, shot type, style, mood, colour palette), from noun phrases, from
 * adjectives standing alone ("Cinematic, moody."), from labels ("Lighting: soft and warm") and from a few verbs
 * ("it is raining", "the camera slowly pans left", "lit by a desk lamp").
 */
final class OfflineExtractScene {

    static final String PROP_NAME = "prop";

    private static final Set<OfflineExtractKind> ADJECTIVE_ASPECTS = Set.copyOf(
            EnumSet.of(STYLE, MOOD, PALETTE, WEATHER, LIGHTING, CAMERA, TIME, SEASON, PLACE));
    private static final Set<String> PLACE_LINKS = Set.of("in", "of", "on", "at");
    private static final Set<String> LIGHTING_LINKS = Set.of("by", "in", "with");

    private final OfflineExtractReading reading;
    private final boolean hasSubject;
    private final Set<String> propLemmas = new HashSet<>();
    private final Set<String> propValues = new HashSet<>();
    private final boolean placeNamed;
    private boolean hasLocation;
    private boolean hasSecondary;

    private OfflineExtractScene(OfflineExtractReading reading, boolean hasSubject) {
        this.reading = reading;
        this.hasSubject = hasSubject;
        this.hasSecondary = reading.mentions().stream()
                .anyMatch(mention -> mention.name().equals(OfflineExtractSubject.SECONDARY));
        this.placeNamed = IntStream.range(0, reading.size())
                .anyMatch(i -> reading.is(i, NOUN) && reading.kind(i) == PLACE && !reading.claimed(i));
    }

    /** Claims the lighting clauses ("lit by a desk lamp") before the subject's actions are read. */
    static void readLightingClauses(OfflineExtractReading reading) {
        for (int i = 0; i < reading.size(); i++) {
            boolean verb = reading.is(i, VERB)
                    || reading.is(i, ADJECTIVES) && reading.phrase(i).to() - reading.phrase(i).from() == 1;
            String base = verb ? OfflineLexiconLookup.verb(reading.key(i)) : null;
            if (base != null && OfflineLexiconWords.LIGHTING_VERBS.contains(base)
                    && reading.is(i + 1, PREPOSITION, LIGHTING_LINKS) && reading.is(i + 2, NOUN)) {
                int from = reading.is(i - 1, ADVERB) ? i - 1 : i;
                reading.mention(LIGHTING.parameter(), reading.phrase(from).from(), i + 2);
                reading.claim(from, i + 2);
            }
        }
    }

    /** Reads all that the subject left: call after {@link OfflineExtractSubject#read}. */
    static void read(OfflineExtractReading reading, boolean hasSubject) {
        var scene = new OfflineExtractScene(reading, hasSubject);
        for (int i = 0; i < reading.size(); i++) {
            if (reading.is(i, NOUN)) {
                scene.emitModifiers(i);
                if (!reading.claimed(i)) {
                    scene.noun(i);
                }
            } else if (reading.is(i, ADJECTIVES) && !reading.claimed(i)) {
                scene.adjectives(i);
            } else if (reading.is(i, VERB) && !reading.claimed(i)) {
                scene.verb(i);
            }
        }
    }

    private void noun(int i) {
        OfflineExtractKind kind = reading.kind(i);
        OfflineExtractKind label = labelBefore(i);
        if (label != null && (kind == VAGUE || kind == PROP && unknownHead(i))) {
            reading.mention(label.parameter(), reading.phrase(i).body(), i);
            return;
        }
        switch (kind) {
            case ANIMATE -> being(i);
            case PLACE -> location(i);
            case PROP, CLOTHING, EVENT -> prop(i);
            case BODY -> {
                if (!hasSubject) {
                    prop(i);
                }
            }
            case CAMERA -> camera(i);
            case VAGUE, COLOUR, MATERIAL, QUALITY -> {
                // nothing of its own: a vague noun may still carry a time or the weather ("a windy day")
            }
            default -> {
                if (!bareLabel(i)) {
                    reading.mentionPhrase(kind.parameter(), i);
                }
            }
        }
    }

    private void being(int i) {
        if (hasSecondary) {
            prop(i);
        } else {
            reading.mentionPhrase(OfflineExtractSubject.SECONDARY, i);
            hasSecondary = true;
        }
    }

    /** The first place is the location, with the places that locate it: "rainy street in Tokyo". */
    private void location(int i) {
        if (hasLocation) {
            return;
        }
        int last = i;
        while (reading.is(last + 1, PREPOSITION, PLACE_LINKS) && reading.is(last + 2, NOUN)
                && reading.kind(last + 2) == PLACE) {
            last += 2;
        }
        reading.mention(PLACE.parameter(), reading.valueFrom(i), last);
        reading.claim(i, last);
        hasLocation = true;
    }

    /** A prop, unless it only names again a thing already found ("the pot" after "a simmering pot"). */
    private void prop(int i) {
        OfflineExtractPhrase phrase = reading.phrase(i);
        boolean bare = reading.valueFrom(i) == phrase.head() && phrase.complement() == null;
        String lemma = reading.lemma(i);
        String value = value(i);
        if (bare && propLemmas.contains(lemma) || propValues.contains(value)) {
            return;
        }
        propLemmas.add(lemma);
        propValues.add(value);
        reading.mentionPhrase(PROP_NAME, i);
    }

    private String value(int i) {
        OfflineExtractPhrase phrase = reading.phrase(i);
        var value = new StringBuilder();
        for (int at = reading.valueFrom(i); at < phrase.to(); at++) {
            value.append(reading.token(at).key()).append(' ');
        }
        return value.toString().strip().toLowerCase(Locale.ROOT);
    }

    /** A camera move, with what the camera does ("camera slowly pans left") or its direction ("slow dolly in"). */
    private void camera(int i) {
        int last = i;
        if (reading.lemma(i).equals("camera")) {
            int at = i + 1;
            while (reading.is(at, ADVERB)) {
                at++;
            }
            if (reading.is(at, VERB) && !reading.claimed(at)) {
                last = at;
            }
        }
        if (reading.is(last + 1, PREPOSITION, OfflineLexiconWords.DIRECTIONS) && !reading.is(last + 2, NOUN)) {
            last++;
        }
        reading.mention(CAMERA.parameter(), reading.valueFrom(i), last);
        reading.claim(i, last);
    }

    /**
     * Records the words of a noun phrase that belong to another parameter: those {@linkplain
     * OfflineExtractReading#valueFrom peeled off} its front, a style or palette anywhere in it ("futuristic
     * cyberpunk market"), a time of day within it ("glints of afternoon light") unless it describes a thing
     * ("evening gown"), and the weather of a place, the sky or the light ("rainy street", "stormy sky").
     */
    private void emitModifiers(int i) {
        OfflineExtractPhrase phrase = reading.phrase(i);
        OfflineExtractKind kind = reading.kind(i);
        int valueFrom = reading.valueFrom(i);
        for (int at = phrase.body(); at < phrase.to(); at++) {
            OfflineExtractKind word = OfflineExtractReading.modifierKind(reading.token(at));
            if (at == phrase.head() || word == null || word.parameter() == null || word == PLACE) {
                continue;
            }
            boolean time = (word == TIME || word == SEASON) && !kind.thing() && word != kind;
            boolean weather = word == WEATHER && (kind == ATMOSPHERE || kind == LIGHTING || kind == PLACE);
            boolean look = (word == STYLE || word == PALETTE) && word != kind;
            if (at < valueFrom || time || weather || look) {
                reading.mentionToken(word.parameter(), at);
            }
        }
    }

    /**
     * Adjectives standing alone say a style, a mood, a palette… ("Cinematic, moody."), or what a label announces; a
     * shot type only as a fragment of its own ("Low angle, …"); a place ("Underwater, …") only when no noun names
     * one. Adjectives after a determiner describe a noun that follows ("a bright, minimalist cafe") and say nothing
     * alone.
     */
    private void adjectives(int i) {
        OfflineExtractPhrase phrase = reading.phrase(i);
        OfflineExtractKind label = labelBefore(i);
        if (label != null) {
            reading.mention(label.parameter(), phrase.body(), i);
            return;
        }
        if (phrase.body() > phrase.from()) {
            return;
        }
        boolean fragment = reading.opensClause(i) && (i + 1 == reading.size() || reading.phrase(i + 1).pause());
        for (int at = phrase.body(); at < phrase.to(); at++) {
            OfflineExtractKind kind = OfflineLexiconLookup.modifier(reading.token(at).key());
            if (kind == null || !ADJECTIVE_ASPECTS.contains(kind) && !(kind == SHOT && fragment)) {
                continue;
            }
            boolean place = kind == PLACE;
            if (!place || !hasLocation && !placeNamed) {
                reading.mentionToken(kind.parameter(), at);
                hasLocation |= place;
            }
        }
    }

    /** Weather verbs ("it is raining") and camera verbs ("slowly panning across the city"). */
    private void verb(int i) {
        String base = OfflineLexiconLookup.verb(reading.key(i));
        if (base == null) {
            return;
        }
        if (OfflineLexiconWords.WEATHER_VERBS.contains(base)) {
            reading.mention(WEATHER.parameter(), reading.phrase(i).from(), i);
        } else if (OfflineLexiconWords.CAMERA_VERBS.contains(base)) {
            int from = reading.is(i - 1, ADVERB) ? i - 1 : i;
            boolean direction = reading.is(i + 1, PREPOSITION, OfflineLexiconWords.DIRECTIONS)
                    && !reading.is(i + 2, NOUN);
            reading.mention(CAMERA.parameter(), reading.phrase(from).from(), direction ? i + 1 : i);
        }
    }

    /** The aspect a label just before phrase i announces ("Lighting:", "the mood is"), or null. */
    private OfflineExtractKind labelBefore(int i) {
        int at = i - 1;
        boolean linked = reading.is(at, AUXILIARY)
                || reading.is(at, PAUSE) && reading.token(reading.phrase(at).from()).text().equals(":");
        if (!linked || !reading.is(at - 1, NOUN) || !bareLabel(at - 1)) {
            return null;
        }
        return labelKind(reading.lemma(at - 1), reading.kind(at - 1));
    }

    private static OfflineExtractKind labelKind(String lemma, OfflineExtractKind kind) {
        return switch (lemma) {
            case "time" -> TIME;
            case "setting" -> PLACE;
            case "season" -> SEASON;
            case "shot" -> SHOT;
            case "camera" -> CAMERA;
            default -> kind.parameter() != null ? kind : null;
        };
    }

    /** A noun phrase that is only a label word, with no modifiers: "Lighting", "the mood". */
    private boolean bareLabel(int i) {
        OfflineExtractPhrase phrase = reading.phrase(i);
        return phrase.body() == phrase.head() && phrase.complement() == null
                && OfflineLexiconWords.LABELS.contains(reading.token(phrase.head()).key());
    }

    private boolean unknownHead(int i) {
        return OfflineLexiconLookup.noun(reading.token(reading.phrase(i).head()).key()) == null;
    }
}
