package io.shotcraft.parameters.offline;

import java.util.Set;

/** The grammatical words by which the extractor finds phrase boundaries, and small word sets with a special role. */
final class OfflineLexiconWords {

    private OfflineLexiconWords() {
    }

    static final Set<String> DETERMINERS = OfflineLexiconLookup.set("""
            a, an, the, this, that, these, those, some, any, each, every, another, no, several, many, few, both, all,
            such, either, neither, much, more, most, other, various, numerous, lots of, a few, plenty of
            """);

    static final Set<String> POSSESSIVES = OfflineLexiconLookup.set("his, her, its, their, my, your, our");

    static final Set<String> NUMBERS = OfflineLexiconLookup.set("""
            one, two, three, four, five, six, seven, eight, nine, ten, eleven, twelve, twenty, hundred, thousand, dozen,
            dozens, hundreds, thousands, countless, half a dozen
            """);

    static final Set<String> PREPOSITIONS = OfflineLexiconLookup.set("""
            in, on, at, inside, through, across, over, under, beneath, below, above, near, by, beside, along, alongside,
            around, into, onto, from, with, without, of, to, toward, towards, behind, between, among, amid, amidst,
            against, during, past, down, up, atop, within, outside, off, beyond, throughout, underneath, upon, via,
            like, for, after, before, until, except, despite, about, out, next to, in front of, on top of, out of,
            away from, close to, because of, instead of, across from, up to, all over, in the middle of
            """);

    /** Words that may close a verb ("looks up", "dollies in") rather than open a phrase. */
    static final Set<String> PARTICLES = OfflineLexiconLookup.set("""
            up, down, out, off, away, back, around, over, forward, forwards, backward, backwards, along, in, inside,
            outside, together, apart, aside, upward, upwards, downward, downwards, left, right, closer, home, by,
            through, across
            """);

    /** Particles that are never prepositions. */
    static final Set<String> ADVERBIAL_PARTICLES = OfflineLexiconLookup.set("""
            away, back, forward, forwards, backward, backwards, together, apart, aside, upward, upwards, downward,
            downwards, left, right, closer, home
            """);

    /** Directions a camera move may end with ("dolly in", "pans left"). */
    static final Set<String> DIRECTIONS = OfflineLexiconLookup.set("""
            in, out, left, right, up, down, forward, back, backward, away, closer, around, upward, downward, over
            """);

    static final Set<String> LOCATIVES = OfflineLexiconLookup.set("""
            in, on, at, inside, through, across, over, under, beneath, below, above, near, by, beside, along, around,
            into, onto, within, throughout, atop, amid, amidst, among, toward, towards, outside, underneath, upon, past,
            down, up, behind, next to, from, of
            """);

    static final Set<String> CONJUNCTIONS = OfflineLexiconLookup.set("""
            and, or, but, while, whilst, as, when, whenever, where, because, so, yet, nor, though, although, if, once,
            plus, whereas
            """);

    /** Conjunctions after which a subject's actions may go on ("chops vegetables and stirs the soup"). */
    static final Set<String> ACTION_LINKS = OfflineLexiconLookup.set("and, or, while, whilst, then, before, after");

    static final Set<String> RELATIVES = OfflineLexiconLookup.set("who, which, that, whose");

    static final Set<String> AUXILIARIES = OfflineLexiconLookup.set("""
            is, are, was, were, be, been, being, am, has, have, had, do, does, did, can, could, will, would, may, might,
            must, should, shall, seems, seem, appears, appear, gets, get
            """);

    static final Set<String> PRONOUNS = OfflineLexiconLookup.set("""
            he, she, it, they, we, i, you, him, them, us, me, himself, herself, itself, themselves, everyone, someone,
            anyone, nobody, somebody, everybody, who, what
            """);

    /** Pronouns that can stand for the subject and act ("she twirls"). */
    static final Set<String> SUBJECT_PRONOUNS = OfflineLexiconLookup.set("he, she, it, they");

    static final Set<String> ADVERBS = OfflineLexiconLookup.set("""
            very, quite, too, almost, just, still, also, now, always, never, often, sometimes, alone, here, there,
            everywhere, somewhere, again, already, even, only, rather, barely, nearly, not, ever, meanwhile, soon, then,
            slightly, mostly, partly, perhaps, maybe, sideways, overhead, nearby, upstairs, downstairs, outdoors,
            indoors, ahead, afar, abroad, anew, instead
            """);

    /** Nouns whose phrase is about what follows "of": a flock of birds, the surface of Mars. */
    static final Set<String> GROUPS = OfflineLexiconLookup.set("""
            group, crowd, flock, herd, pack, school, swarm, pair, couple, team, family, army, band, troupe, horde, line,
            row, pile, stack, bunch, bundle, heap, cluster, handful, collection, set, array, series, sea, variety,
            number, lot, assortment, selection, mix, range, scattering, sprinkling, surface, edge, middle, center,
            centre, heart, depth, outskirts, rim, base, foot, top, bottom, side, corner, end, interior, exterior,
            remains, shadow, silhouette, kind, sort, type, bit, piece
            """);

    /** Nouns naming a frame, whose kind depends on their modifiers: a wide shot, a drone shot. */
    static final Set<String> FRAMES = OfflineLexiconLookup.set("""
            shot, view, angle, footage, frame, perspective, take, lens
            """);

    /** Nouns that are a camera move only when the phrase says so: a slow pan, but copper pans. */
    static final Set<String> CAMERA_OR_THING = OfflineLexiconLookup.set("pan, crane, track");

    static final Set<String> CAMERA_PACES = OfflineLexiconLookup.set("""
            slow, smooth, quick, fast, sweeping, gentle, steady, subtle, rapid, whip, lateral, vertical, horizontal,
            lazy, leisurely, continuous, long, 360, fluid
            """);

    static final Set<String> CAMERA_VERBS = OfflineLexiconLookup.set("""
            pan, track, dolly, tilt, zoom, orbit, crane, truck
            """);

    static final Set<String> WEATHER_VERBS = OfflineLexiconLookup.set("rain, snow, drizzle, hail, sleet");

    /** Verbs that, followed by "by" or "in", say how a thing is lit: lit by candles, bathed in golden light. */
    static final Set<String> LIGHTING_VERBS = OfflineLexiconLookup.set("""
            light, illuminate, bathe, backlight, wash, drench, flood, silhouette
            """);

    /** -ing words that usually stand before a noun: simmering pot, cutting board, falling snow. */
    static final Set<String> ING_MODIFIERS = OfflineLexiconLookup.set("""
            flickering, glowing, falling, rolling, crashing, swirling, drifting, towering, sprawling, winding,
            shimmering, twinkling, blinking, bustling, flowing, rushing, billowing, sparkling, gleaming, looming,
            blazing, burning, smoldering, smouldering, steaming, simmering, boiling, sizzling, rising, setting, fading,
            dying, glittering, roaring, howling, pouring, driving, blinding, dazzling, pulsing, whirling, spinning,
            floating, hanging, running, sleeping, smiling, laughing, waving, rustling, swaying, crackling, cascading,
            babbling, rippling, shining, beaming, flashing, rotating, buzzing, passing, oncoming, approaching, melting,
            crumbling, peeling, wilting, blooming, growing, creeping, lingering, trailing, cutting, measuring, frying,
            dining, living, washing, swimming, walking, fishing, parking, shopping, waiting, dressing, sewing, baking,
            mixing, chopping, boxing, racing, writing, drawing, reading, landing, sailing, hiking, climbing, training,
            drinking, serving, cooking, ironing, skating, bowling, shooting, recording, operating, changing, sitting,
            steering, rocking, sliding, folding, neighboring, neighbouring, surrounding, overlooking, gathering,
            incoming, outgoing, piercing, soaring
            """);

    /** Body parts that act for their owner ("her hands knead the dough"). */
    static final Set<String> ACTING_BODY_PARTS = OfflineLexiconLookup.set("""
            hand, finger, arm, foot, leg, knee, paw, fist, claw, wing, tail, eye, lip, mouth, face, head, shoulder
            """);

    /** Nouns that only announce an aspect ("Lighting: soft and warm", "the mood is tense"). */
    static final Set<String> LABELS = OfflineLexiconLookup.set("""
            lighting, mood, atmosphere, ambience, ambiance, style, aesthetic, palette, color palette, colour palette,
            colors, colours, color scheme, colour scheme, weather, time, camera, shot, tone, tones, vibe, feel, setting,
            season, feeling
            """);

    /** Clothing is worn with these: a woman in a red dress, a man wearing a hat. */
    static final Set<String> WEARING = OfflineLexiconLookup.set("in, with, wearing, dressed in, clad in");

    /** Verb and preposition pairs that take an object: looks out the window, picks up a book. */
    static final Set<String> PHRASAL = OfflineLexiconLookup.set("""
            pick up, kick up, put down, set down, take off, turn on, turn off, light up, hold up, lift up, pull out,
            put on, look at, gaze at, stare at, glance at, wave at, point at, reach for, search for, wait for,
            listen to, lean on, lean against, look out, gaze out, stare out, look into, gaze into, stare into,
            look through, peer through, peer into, peer at, look out of, gaze out of, stare out of, play with, blow out,
            talk to, speak to, hold onto, cling to, rummage through, flip through, leaf through, look over
            """);
}
