package io.shotcraft.enhance;

import static io.shotcraft.parameters.Trait.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import io.shotcraft.parameters.Trait;

/**
 * A property of a vocabulary entry, with the scene traits it contradicts, the traits it needs (any one of them)
 * and the traits it implies once chosen.
 */
enum OfflineTag {
    SKY(rule().conflicts(INDOOR, UNDERWATER, SPACE)),
    OUTDOOR(rule().conflicts(INDOOR)),
    ABOVE_WATER(rule().conflicts(UNDERWATER)),
    AIR(rule().conflicts(UNDERWATER, SPACE)),
    WIND(rule().conflicts(INDOOR, UNDERWATER, SPACE)),

    SUN(rule().conflicts(NIGHT)),
    DAYLIGHT(rule().conflicts(NIGHT).implies(DAY)),
    GOLDEN(rule().conflicts(NIGHT, NOON, RAIN).implies(DAY, TWILIGHT, WARM)),
    MIDDAY(rule().conflicts(NIGHT, TWILIGHT, RAIN, SNOW, FOG).implies(DAY, NOON)),
    BLUE_HOUR(rule().conflicts(NIGHT, DAY, NOON).implies(TWILIGHT, COOL)),
    MOON(rule().conflicts(DAY, NOON, TWILIGHT, RAIN).implies(NIGHT, COOL)),
    AFTER_DARK(rule().conflicts(DAY, NOON).implies(NIGHT)),
    NEON(rule().needs(URBAN).conflicts(DAY, NOON).implies(NIGHT)),
    LOW_KEY(rule().conflicts(DAY, NOON)),
    INTERIOR(rule().needs(INDOOR)),
    CANDLE(rule().needs(HOME).conflicts(DAY, NOON, UNDERWATER).implies(WARM)),
    CAUSTIC(rule().needs(UNDERWATER)),
    COSMIC(rule().needs(SPACE)),
    STREET(rule().needs(URBAN, ROAD)),
    FIRELIGHT(rule().needs(FIRE).conflicts(UNDERWATER).implies(WARM)),
    WARM_LIGHT(rule().implies(WARM)),

    COLORFUL(rule().conflicts(MONOCHROME)),
    WARM_TONE(rule().conflicts(COOL)),
    COOL_TONE(rule().conflicts(WARM)),
    DRY(rule().conflicts(RAIN, SNOW, FOG, UNDERWATER, COLD)),
    CLEAR(rule().conflicts(RAIN, SNOW, FOG, UNDERWATER)),
    WET(rule().needs(RAIN)),
    WINTRY(rule().needs(COLD)),
    MURKY(rule().needs(FOG)),
    DEEP_WATER(rule().needs(UNDERWATER)),

    WIDE_FRAME(rule().conflicts(CLOSE, SMALL).implies(WIDE)),
    CLOSE_FRAME(rule().conflicts(WIDE).implies(CLOSE)),
    AERIAL(rule().conflicts(INDOOR, CLOSE, SMALL, UNDERWATER, SPACE, IMAGE).implies(WIDE)),
    MOVE(rule().conflicts(STILL)),
    BOLD_MOVE(rule().conflicts(STILL, IMAGE, CLOSE, SMALL)),
    STATIC(rule().needs(STILL)),

    GESTURE(rule().conflicts(STILL)),
    DETAIL(rule().conflicts(WIDE)),
    VISTA(rule().conflicts(CLOSE)),
    SUBJECT(rule().needs(Trait.SUBJECT)),
    HUMAN(rule().needs(PERSON)),
    FUR(rule().needs(FURRY)),
    FEATHER(rule().needs(FEATHERED)),
    BREATHER(rule().needs(PERSON, FURRY)),
    BREATH(rule().needs(COLD).conflicts(INDOOR, UNDERWATER, SPACE)),
    SNOWFALL(rule().needs(SNOW).conflicts(INDOOR, UNDERWATER)),
    RAINFALL(rule().needs(RAIN).conflicts(INDOOR, UNDERWATER)),
    MIST(rule().needs(FOG).conflicts(UNDERWATER)),
    SURF(rule().needs(SEA).conflicts(INDOOR, UNDERWATER)),
    RIPPLE(rule().needs(WATER).conflicts(UNDERWATER)),
    FOLIAGE(rule().needs(NATURE)),
    GRASS(rule().needs(FIELD)),
    STEAM(rule().needs(HOT).conflicts(CHILLED)),
    FLAME(rule().needs(FIRE).conflicts(UNDERWATER)),
    DUST(rule().conflicts(RAIN, SNOW, FOG, UNDERWATER, SPACE)),
    SAND(rule().needs(DESERT)),
    HEAT(rule().needs(DESERT, ROAD, URBAN)
            .conflicts(NIGHT, TWILIGHT, COLD, RAIN, SNOW, FOG, INDOOR, UNDERWATER, SPACE).implies(DAY)),
    WEIGHTLESS(rule().needs(SPACE)),
    CROWD(rule().needs(URBAN).conflicts(EMPTY)),
    TRAFFIC(rule().needs(URBAN, ROAD).conflicts(EMPTY, INDOOR)),
    ROOM(rule().needs(INDOOR));

    private final Set<Trait> conflicts;
    private final Set<Trait> needs;
    private final Set<Trait> implies;

    OfflineTag(Rule rule) {
        this.conflicts = Collections.unmodifiableSet(rule.conflicts);
        this.needs = Collections.unmodifiableSet(rule.needs);
        this.implies = Collections.unmodifiableSet(rule.implies);
    }

    /** Whether an entry with this tag may be used in a scene with these traits. */
    boolean admits(Set<Trait> traits) {
        return Collections.disjoint(conflicts, traits) && (needs.isEmpty() || !Collections.disjoint(needs, traits));
    }

    /** Whether the tag makes its entry specific to some scenes (it needs a trait), rather than fit for any. */
    boolean situational() {
        return !needs.isEmpty();
    }

    Set<Trait> implies() {
        return implies;
    }

    private static Rule rule() {
        return new Rule();
    }

    private static final class Rule {
        private final EnumSet<Trait> conflicts = EnumSet.noneOf(Trait.class);
        private final EnumSet<Trait> needs = EnumSet.noneOf(Trait.class);
        private final EnumSet<Trait> implies = EnumSet.noneOf(Trait.class);

        Rule conflicts(Trait... traits) {
            Collections.addAll(conflicts, traits);
            return this;
        }

        Rule needs(Trait... traits) {
            Collections.addAll(needs, traits);
            return this;
        }

        Rule implies(Trait... traits) {
            Collections.addAll(implies, traits);
            return this;
        }
    }
}
