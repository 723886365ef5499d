package io.shotcraft.tuning.offline;

import static io.shotcraft.tuning.offline.OfflineSuggester.Option.option;
import static io.shotcraft.tuning.offline.OfflineSuggester.Trait.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.shotcraft.platform.text.Lexicon;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.Suggestion;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Suggests, without any model, the parameters a prompt lacks that would most help a video model: shot type,
 * camera movement, lighting, time of day, motion, style, colour palette and atmosphere, in that priority order.
 *
 * <p>An aspect is suggested only when it is missing: no parameter carries it and neither the prompt nor any
 * parameter value already expresses it ("at night" covers the time of day, "dolly in" the camera). Its value is the
 * best fit among a small vocabulary of options, each tagged with the scene traits it needs, avoids and favours: an
 * option that contradicts the scene is never proposed (no golden hour at night, no drone shot in a kitchen or of a
 * cup), and among the others the highest score wins, ties going to the earlier option. Each chosen option then
 * becomes part of the scene, so later suggestions agree with earlier ones (golden-hour light, then golden hour).
 *
 * <p>The result is a pure function of the arguments; the class holds only immutable data and is safe to share
 * between threads.
 */
@ApplicationScoped
public class OfflineSuggester {

    /** The most suggestions one call returns. */
    public static final int MAX_SUGGESTIONS = 6;

    /** Weight of each trait an option needs: options written for scenes like this one beat generic ones. */
    private static final int NEED_WEIGHT = 3;

    public OfflineSuggester() {
    }

    /**
     * Suggests parameters that would strengthen a prompt.
     *
     * @param prompt     the prompt as the user sees it (may be blank)
     * @param parameters the prompt's parameters, in any order; null entries and entries with a blank name or
     *                   value count as absent
     * @return at most {@link #MAX_SUGGESTIONS} suggestions, in priority order, each for an aspect the prompt lacks
     *         and with a value that fits the scene; empty when nothing is missing. The same arguments always give
     *         the same result
     * @throws NullPointerException if the prompt or the list is null
     */
    public List<Suggestion> suggest(String prompt, List<Parameter> parameters) {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(parameters, "parameters");
        var scene = Scene.read(prompt, parameters);
        var suggestions = new ArrayList<Suggestion>();
        for (Aspect aspect : Aspect.values()) {
            if (suggestions.size() == MAX_SUGGESTIONS) {
                break;
            }
            if (!scene.covers(aspect)) {
                scene.bestOption(aspect).ifPresent(option -> {
                    suggestions.add(new Suggestion(aspect.wire, option.value(), aspect.reason));
                    scene.adopt(option);
                });
            }
        }
        return List.copyOf(suggestions);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Model: aspects, traits, options
    // ---------------------------------------------------------------------------------------------------------

    /** An aspect that may be suggested, in priority order, with the parameter names that already carry it. */
    enum Aspect {
        SHOT_TYPE("shot_type",
                "Video models frame the scene more consistently when the shot size is given.",
                Set.of(), "shot", "shot_size", "framing"),
        CAMERA("camera",
                "Naming one camera movement keeps the model from inventing erratic or jittery motion.",
                Set.of(), "camera_movement", "camera_motion", "camera_move"),
        LIGHTING("lighting",
                "A named light source gives the model a consistent direction and mood for light and shadow.",
                Set.of(), "light", "light_source"),
        TIME_OF_DAY("time_of_day",
                "A time of day anchors the colour of the light and the length of shadows in every frame.",
                Set.of(NIGHT, DAY, NOON, TWILIGHT), "time"),
        MOTION("motion",
                "A concrete movement in the scene keeps the clip from looking like a still image.",
                Set.of(), "movement", "scene_motion"),
        STYLE("style",
                "A named visual style steers texture, rendering and grading toward one coherent look.",
                Set.of(), "visual_style", "art_style"),
        COLOR_PALETTE("color_palette",
                "A defined palette keeps colours consistent from frame to frame.",
                Set.of(MONOCHROME), "colour_palette", "palette", "colors", "colours", "color_grade"),
        ATMOSPHERE("atmosphere",
                "Describing the air and the mood adds depth and keeps the ambience steady across the shot.",
                Set.of(), "mood", "ambience", "ambiance");

        final String wire;
        final String reason;
        private final Set<Trait> coveringTraits;
        private final Set<String> names;

        Aspect(String wire, String reason, Set<Trait> coveringTraits, String... aliases) {
            this.wire = wire;
            this.reason = reason;
            this.coveringTraits = coveringTraits;
            var names = new HashSet<>(Set.of(aliases));
            names.add(wire);
            this.names = Set.copyOf(names);
        }

        /** Whether a parameter carries this aspect, or a trait read from the text already settles it. */
        boolean coveredBy(Set<String> parameterNames, Set<Trait> traits) {
            return !Collections.disjoint(names, parameterNames) || !Collections.disjoint(coveringTraits, traits);
        }
    }

    /**
     * Something known about the scene, read from the prompt and the parameters or implied by a suggestion already
     * made. Ambiguous words are read the cautious way: "dark" makes it night, "bar" makes it indoors.
     */
    enum Trait {
        NIGHT, DAY, NOON, TWILIGHT, OVERCAST, ARTIFICIAL_LIGHT,
        INDOOR, HOME, UNDERWATER, SPACE,
        RAIN, SNOW, FOG,
        URBAN, NATURE, FIELD, SEA, WATER, DESERT, VAST, FIRE, HOT, CHILLED,
        SUBJECT, PERSON, ANIMAL, MOVING, STILL, EMPTY,
        SMALL, CLOSE, WIDE, AERIAL,
        MONOCHROME, WARM, COOL
    }

    /**
     * A value that may be proposed for an aspect. It fits a scene that has every trait it needs and none it
     * avoids; its score counts the traits it needs (heavily) and those it favours; once chosen, the scene takes on
     * the traits it implies.
     */
    record Option(String value, Set<Trait> needed, Set<Trait> avoided, Set<Trait> favoured, Set<Trait> implied) {

        static Option option(String value) {
            return new Option(value, Set.of(), Set.of(), Set.of(), Set.of());
        }

        Option needs(Trait... traits) {
            return new Option(value, Set.of(traits), avoided, favoured, implied);
        }

        Option avoids(Trait... traits) {
            return new Option(value, needed, Set.of(traits), favoured, implied);
        }

        Option favours(Trait... traits) {
            return new Option(value, needed, avoided, Set.of(traits), implied);
        }

        Option implies(Trait... traits) {
            return new Option(value, needed, avoided, favoured, Set.of(traits));
        }

        boolean fits(Set<Trait> traits) {
            return traits.containsAll(needed) && Collections.disjoint(avoided, traits);
        }

        int score(Set<Trait> traits) {
            int favouredHere = 0;
            for (Trait trait : favoured) {
                if (traits.contains(trait)) {
                    favouredHere++;
                }
            }
            return NEED_WEIGHT * needed.size() + favouredHere;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The scene of one call
    // ---------------------------------------------------------------------------------------------------------

    /** What one call knows about the scene: its traits and the aspects already covered. Not shared. */
    private static final class Scene {

        private final EnumSet<Trait> traits;
        private final Set<Aspect> covered;

        private Scene(EnumSet<Trait> traits, Set<Aspect> covered) {
            this.traits = traits;
            this.covered = covered;
        }

        static Scene read(String prompt, List<Parameter> parameters) {
            var texts = new ArrayList<List<String>>();
            texts.add(Lexicon.words(prompt));
            var names = new HashSet<String>();
            String subject = null;
            for (Parameter parameter : parameters) {
                if (!isPresent(parameter)) {
                    continue;
                }
                String name = normaliseName(parameter.name());
                names.add(name);
                texts.add(Lexicon.words(parameter.value()));
                if (name.equals("subject")) {
                    subject = parameter.value();
                }
            }
            var traits = EnumSet.noneOf(Trait.class);
            texts.forEach(words -> traits.addAll(TRAITS.find(words)));
            traits.addAll(SMALL_SUBJECTS.find(Lexicon.words(subject != null ? subject : firstSentence(prompt))));
            return new Scene(traits, coveredAspects(names, texts, traits));
        }

        private static Set<Aspect> coveredAspects(Set<String> names, List<List<String>> texts, Set<Trait> traits) {
            var covered = EnumSet.noneOf(Aspect.class);
            texts.forEach(words -> covered.addAll(PRESENT.find(words)));
            for (Aspect aspect : Aspect.values()) {
                if (aspect.coveredBy(names, traits)) {
                    covered.add(aspect);
                }
            }
            return covered;
        }

        boolean covers(Aspect aspect) {
            return covered.contains(aspect);
        }

        /** The fitting option with the highest score, the earliest one on a tie; empty when none fits. */
        Optional<Option> bestOption(Aspect aspect) {
            Option best = null;
            int bestScore = -1;
            for (Option option : OPTIONS.get(aspect)) {
                int score = option.fits(traits) ? option.score(traits) : -1;
                if (score > bestScore) {
                    best = option;
                    bestScore = score;
                }
            }
            return Optional.ofNullable(best);
        }

        /** Takes in what a suggested option implies, so that later suggestions agree with it. */
        void adopt(Option option) {
            traits.addAll(option.implied());
        }

        private static boolean isPresent(Parameter parameter) {
            return parameter != null && parameter.name() != null && !parameter.name().isBlank()
                    && parameter.value() != null && !parameter.value().isBlank();
        }

        /** {@code "Time of day"}, {@code "time-of-day"} and {@code "time_of_day_2"} all become {@code time_of_day}. */
        private static String normaliseName(String name) {
            return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_").replaceAll("_\\d+$", "");
        }

        /** Where a prompt without a subject parameter names its subject: up to the first sentence end. */
        private static String firstSentence(String prompt) {
            for (int i = 0; i < prompt.length(); i++) {
                if (".!?;\n".indexOf(prompt.charAt(i)) >= 0) {
                    return prompt.substring(0, i);
                }
            }
            return prompt;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Vocabulary: what the scene is, what the text already says, and what may be proposed
    // ---------------------------------------------------------------------------------------------------------

    private static final String[] PEOPLE = {"man", "men", "woman", "women", "girl~", "boy~", "child", "children",
        "kid~", "baby", "babies", "person", "people", "lady", "ladies", "dancer~", "chef~", "cook", "soldier~",
        "knight~", "samurai", "astronaut~", "diver~", "musician~", "runner~", "skater~", "surfer~", "cyclist~",
        "rider~", "climber~", "hiker~", "fisherman", "farmer~", "doctor~", "scientist~", "detective~", "cowboy~",
        "king~", "queen~", "worker~", "painter~", "artist~", "athlete~", "boxer~", "grandmother~", "grandfather~",
        "mother~", "father~", "traveler~", "traveller~", "explorer~", "pilot~", "sailor~", "couple~", "family",
        "families", "student~", "teenager~", "hand~", "she", "he"};

    private static final String[] ANIMALS = {"cat~", "kitten~", "dog~", "puppy", "puppies", "fox", "foxes", "wolf",
        "wolves", "bear~", "horse~", "deer", "stag~", "rabbit~", "bunny", "lion~", "tiger~", "leopard~", "cheetah~",
        "panda~", "monkey~", "gorilla~", "squirrel~", "mouse", "mice", "owl~", "eagle~", "hawk~", "bird~",
        "parrot~", "penguin~", "swan~", "duck~", "fish", "shark~", "whale~", "dolphin~", "turtle~", "octopus",
        "jellyfish", "elephant~", "giraffe~", "zebra~", "butterfly", "butterflies", "bee~", "frog~", "lizard~",
        "snake~", "hummingbird~", "hedgehog~", "otter~", "camel~", "cow~", "sheep", "goat~"};

    private static final String[] CHARACTERS = {"robot~", "android~", "cyborg~", "alien~", "creature~",
        "monster~", "dragon~", "dinosaur~"};

    /** Scene traits, read from the prompt and every parameter value. */
    private static final Lexicon<Trait> TRAITS = Lexicon.of(Trait.class)
            .add(NIGHT, "night~", "nighttime", "midnight", "dark", "darkness", "moon", "moonlit", "moonlight~",
                    "moonrise", "starry", "starlit", "starlight", "under the stars", "after dark", "nocturnal")
            .add(DAY, "day", "days", "daytime", "daylight", "sun", "sunny", "sunlit", "sunlight", "sunshine",
                    "sunbeam~", "morning~", "afternoon~", "noon", "midday", "breakfast", "brunch")
            .add(NOON, "noon", "midday", "high noon")
            .add(TWILIGHT, "sunset~", "sunrise~", "dawn", "dusk", "twilight", "golden hour", "blue hour",
                    "magic hour", "evening~", "sundown", "daybreak")
            .add(OVERCAST, "overcast", "cloudy", "grey sky", "gray sky", "grey skies", "gray skies", "gloomy",
                    "storm~", "stormy")
            .add(ARTIFICIAL_LIGHT, "neon", "streetlight~", "street light~", "street lamp~", "streetlamp~",
                    "lamplight", "lantern~", "headlight~", "fluorescent", "string lights", "fairy lights")
            .add(INDOOR, "room~", "bedroom~", "living room~", "dining room~", "bathroom~", "kitchen~", "office~",
                    "interior~", "indoor~", "indoors", "inside", "hallway~", "corridor~", "studio~", "bar", "bars",
                    "pub~", "restaurant~", "cafe~", "café~", "diner~", "library", "libraries", "classroom~",
                    "apartment~", "attic~", "basement~", "cellar~", "warehouse~", "garage~", "church~",
                    "cathedral~", "museum~", "gym~", "lobby", "elevator~", "theater~", "theatre~", "cinema~",
                    "workshop~", "laboratory", "lab~", "hospital~", "factory", "factories", "shop", "store",
                    "bakery", "bookstore~", "nightclub~", "arcade~", "ballroom~", "staircase~", "stairwell~",
                    "fireplace~", "candlelit", "at home", "bedside", "sofa~", "couch~", "desk~", "countertop~",
                    "stovetop~", "windowsill~", "subway car~", "train carriage~")
            .add(HOME, "bedroom~", "living room~", "dining room~", "kitchen~", "apartment~", "attic~", "cottage~",
                    "cafe~", "café~", "diner~", "bakery", "fireplace~", "at home", "sofa~", "couch~")
            .add(UNDERWATER, "underwater", "under water", "under the sea", "beneath the waves",
                    "beneath the surface", "seabed", "sea floor", "seafloor", "ocean floor", "coral~", "reef~",
                    "scuba", "diver~", "submerged", "aquarium~")
            .add(SPACE, "outer space", "in space", "deep space", "astronaut~", "spacewalk~", "galaxy", "galaxies",
                    "nebula~", "zero gravity", "space station~", "spaceship~", "spacecraft", "in orbit", "cosmos",
                    "asteroid~")
            .add(RAIN, "rain~", "rainy", "rainfall", "raindrop~", "drizzle~", "downpour~", "rainstorm~",
                    "thunderstorm~", "monsoon~", "wet", "puddle~", "soaked", "drenched")
            .add(SNOW, "snow~", "snowy", "snowfall~", "snowflake~", "snowstorm~", "blizzard~", "sleet", "snowman",
                    "snowdrift~")
            .add(FOG, "fog~", "foggy", "mist~", "misty", "haze", "hazy", "smog", "smoke", "smoky")
            .add(URBAN, "city", "cities", "cityscape~", "street~", "downtown", "alley~", "alleyway~", "avenue~",
                    "boulevard~", "skyscraper~", "skyline~", "metropolis", "town~", "sidewalk~", "crosswalk~",
                    "traffic", "neon", "cyberpunk", "rooftop~", "plaza~", "subway~", "intersection~", "taxi~",
                    "tokyo", "new york", "london", "paris", "hong kong")
            .add(NATURE, "forest~", "tree~", "woods", "woodland~", "jungle~", "garden~", "park", "parks",
                    "orchard~", "grove~", "rainforest~", "vineyard~", "bamboo", "foliage", "leaves", "leaf",
                    "branch~", "mountain~", "valley~", "hill~", "meadow~", "field~", "prairie~", "savanna~",
                    "savannah~")
            .add(FIELD, "field~", "meadow~", "grass", "grasses", "grassland~", "prairie~", "savanna~",
                    "savannah~", "steppe~", "wheat", "lawn~", "rolling hills")
            .add(SEA, "ocean~", "sea", "seas", "beach~", "coast", "coasts", "coastline~", "shore~", "shoreline~",
                    "surf", "waves", "bay", "harbour~", "harbor~", "seaside", "lighthouse~")
            .add(WATER, "ocean~", "sea", "seas", "beach~", "coast", "coasts", "shore~", "shoreline~", "surf",
                    "waves", "bay", "harbour~", "harbor~", "lake~", "river~", "riverbank~", "pond~", "stream",
                    "streams", "canal~", "waterfall~", "lagoon~", "creek~", "puddle~", "fountain~", "water")
            .add(DESERT, "desert~", "dune~", "wasteland~", "arid", "sahara", "canyon~")
            .add(VAST, "mountain~", "mountain range~", "valley~", "canyon~", "coastline~", "skyline~",
                    "cityscape~", "landscape~", "vista~", "panorama~", "panoramic", "glacier~", "fjord~", "desert~",
                    "dune~", "ocean~", "island~", "volcano~", "savanna~", "savannah~", "prairie~", "rolling hills",
                    "horizon~", "mesa~")
            .add(FIRE, "fire", "fires", "campfire~", "bonfire~", "fireplace~", "flame~", "flames", "candle~",
                    "candlelit", "embers", "hearth~", "torch~", "firelight", "burning")
            .add(HOT, "coffee~", "tea", "teacup~", "soup~", "ramen", "kettle~", "hot chocolate", "cooking",
                    "cook~", "stew~", "hot spring~", "sauna~", "steaming", "steam~", "simmer~", "boil~",
                    "noodle~", "dumpling~")
            .add(CHILLED, "iced", "ice cream~", "cold brew", "chilled", "frozen")
            .add(SUBJECT, PEOPLE).add(SUBJECT, ANIMALS).add(SUBJECT, CHARACTERS)
            .add(PERSON, PEOPLE)
            .add(ANIMAL, ANIMALS)
            .add(MOVING, "walk~", "run~", "race~", "dance~", "skate~", "ride~", "drive~", "fly", "flies",
                    "flying", "swim~", "chase~", "gallop~", "trot~", "march~", "cycle~", "surf~", "ski~",
                    "sprint~", "jog~", "wander~", "stroll~", "climb~", "hike~", "jump~", "leap~", "dash~",
                    "hurry", "hurries", "hurrying", "glide~", "soar~", "cross~", "crawl~", "stride~", "roam~",
                    "prowl~", "trudge~")
            .add(STILL, "still", "motionless", "static", "stationary", "unmoving", "asleep", "sleep~", "slept",
                    "sit~", "sat", "rest~", "perched", "lies", "lying", "statue~", "still life")
            .add(EMPTY, "empty", "deserted", "abandoned", "lonely", "lone", "alone", "solitary", "desolate",
                    "isolated", "no one", "nobody", "vacant")
            .add(CLOSE, "close up~", "closeup~", "close shot", "extreme close up", "macro", "detail shot",
                    "insert shot", "tight shot", "medium close up", "tabletop", "on a table", "on the table",
                    "on a desk", "still life")
            .add(WIDE, "wide shot", "wide angle", "extreme wide", "establishing shot", "long shot", "panorama~",
                    "panoramic", "vista~")
            .add(AERIAL, "aerial", "drone~", "bird s eye", "birds eye", "from above")
            .add(MONOCHROME, "black and white", "b w", "monochrome", "monochromatic", "sepia", "grayscale",
                    "greyscale", "noir")
            .add(WARM, "warm", "amber", "candlelit", "firelight")
            .add(COOL, "cool", "cold", "icy", "steely")
            .build();

    /** Small subjects: read from the subject parameter, or from the prompt's first sentence when there is none. */
    private static final Lexicon<Trait> SMALL_SUBJECTS = Lexicon.of(Trait.class)
            .add(SMALL, "cup~", "mug~", "teacup~", "glass of", "bottle~", "ring", "jewel~", "necklace~",
                    "flower~", "blossom~", "petal~", "insect~", "ant", "ants", "ladybug~", "snail~", "dewdrop~",
                    "droplet~", "hand~", "eye~", "face", "lips", "finger~", "plate", "bowl~", "dish", "miniature~",
                    "pocket watch~", "wristwatch~",
                    "tiny", "cat~", "kitten~", "puppy", "puppies", "mouse", "mice", "hamster~", "rabbit~", "bunny",
                    "squirrel~", "hedgehog~", "sparrow~", "hummingbird~", "butterfly", "butterflies", "bee~",
                    "frog~", "lizard~", "coin~", "candle~", "book~", "letter~", "toy~", "figurine~", "snowflake~",
                    "seed~", "mushroom~", "spider~", "dragonfly", "dragonflies")
            .build();

    /** Words showing that the text already expresses an aspect. */
    private static final Lexicon<Aspect> PRESENT = Lexicon.of(Aspect.class)
            .add(Aspect.SHOT_TYPE, "close up~", "closeup~", "close shot", "extreme close up", "macro",
                    "medium shot", "mid shot", "medium close up", "medium wide", "medium long shot", "wide shot~",
                    "wide angle", "establishing shot", "full shot", "full body shot", "long shot", "extreme wide",
                    "extreme long shot", "over the shoulder", "low angle", "high angle", "bird s eye", "birds eye",
                    "worm s eye", "top down", "overhead shot", "overhead view", "aerial", "drone shot",
                    "drone footage", "drone view", "pov", "point of view", "first person", "dutch angle",
                    "two shot", "cowboy shot", "insert shot", "detail shot", "tight shot", "profile shot",
                    "portrait shot", "selfie", "fpv", "shot from above", "shot from below")
            .add(Aspect.CAMERA, "dolly~", "dolly zoom", "tracking shot", "tracking camera", "camera track~",
                    "panning", "whip pan", "slow pan", "camera pan~", "pan~ across", "pan~ left", "pan~ right",
                    "pan~ over", "tilt~ up", "tilt~ down", "camera tilt~", "handheld", "hand held", "steadicam",
                    "gimbal", "static camera", "static shot", "locked off", "tripod~", "fixed camera",
                    "stationary camera", "crane shot", "camera crane~", "jib", "camera orbit~", "orbit~ around",
                    "orbiting shot", "arc shot", "push~ in", "pull~ back", "pull~ out", "zoom~", "crash zoom",
                    "camera follow~", "follow shot", "camera move~", "camera glide~", "camera drift~",
                    "camera sweep~", "camera rise~", "camera circle~", "camera rotate~", "camera push~",
                    "camera pull~", "camera hold~", "camera slowly", "camera gently", "no camera movement",
                    "flythrough", "fly through", "flyover", "fly over")
            .add(Aspect.LIGHTING, "lighting", "lit", "lit by", "light source~", "sunlight", "sunlit", "moonlight",
                    "moonlit", "candlelight", "candlelit", "firelight", "lamplight", "torchlight", "starlight",
                    "backlit", "backlight~", "back lit", "rim light~", "golden hour", "blue hour", "magic hour",
                    "sunset~", "sunrise~", "dawn", "dusk", "twilight", "neon", "daylight", "natural light",
                    "soft light", "hard light", "harsh light", "low light", "warm light", "cold light",
                    "ambient light", "window light", "morning light", "afternoon light", "evening light",
                    "spotlight~", "streetlight~", "street light~", "street lamp~", "headlight~", "fluorescent",
                    "tungsten", "glow~", "illuminate~", "silhouette~", "chiaroscuro", "overcast", "high key",
                    "low key", "sunbeam~", "god rays", "light rays", "rays of light", "light shaft~",
                    "shafts of light", "lantern~", "lamp~", "sunny", "sunshine", "volumetric light~", "caustic~")
            .add(Aspect.MOTION, "drift~", "sway~", "ripple~", "flutter~", "billow~", "swirl~", "flicker~",
                    "rustle~", "shimmer~", "undulate~", "waft~", "flow~", "in the wind", "in the breeze", "windy",
                    "gust~", "windswept", "windblown", "blowing", "blown", "falling snow", "snow fall~",
                    "falling leaves", "leaves fall~", "falling rain", "rain fall~", "pouring rain", "steam rise~",
                    "rising steam", "steam curl~", "smoke rise~", "rising smoke", "bubbles rise~", "waves crash~",
                    "crashing waves", "waves roll~", "rolling waves", "waves break~", "splash~", "motion blur",
                    "spin~", "twirl~")
            .add(Aspect.STYLE, "cinematic", "cinematography", "photorealistic", "photoreal", "realistic",
                    "hyperrealistic", "hyper realistic", "live action", "documentary", "anime", "animated",
                    "animation", "cartoon~", "pixar", "3d render~", "3d animation", "cgi", "claymation",
                    "stop motion", "watercolor~", "watercolour~", "oil painting~", "painterly", "illustration~",
                    "illustrated", "sketch~", "comic~", "noir", "neo noir", "vintage", "retro", "vhs",
                    "found footage", "35mm", "16mm", "8mm", "super 8", "analog film", "film stock", "shot on",
                    "style", "styled", "in the style of", "aesthetic~", "vaporwave", "steampunk", "cyberpunk",
                    "surreal", "surrealist", "art deco", "low poly", "pixel art", "ghibli", "wes anderson",
                    "black and white", "b w", "monochrome")
            .add(Aspect.COLOR_PALETTE, "palette~", "colour palette~", "color palette~", "colour grade~",
                    "color grade~", "colour grading", "color grading", "graded", "tones", "toned", "hues",
                    "pastel~", "monochrome", "monochromatic", "black and white", "b w", "sepia", "grayscale",
                    "greyscale", "desaturated", "saturated", "vibrant", "muted", "teal and orange", "technicolor",
                    "kodachrome", "colour scheme", "color scheme", "colorful", "colourful", "vivid colors",
                    "vivid colours", "earth tones")
            .add(Aspect.ATMOSPHERE, "atmosphere~", "atmospheric", "ambience", "ambiance", "haze", "hazy",
                    "mist~", "misty", "fog~", "foggy", "smoke", "smoky", "steam~", "steaming", "dust motes",
                    "dusty", "volumetric", "moody", "dreamy", "dreamlike", "ethereal", "eerie", "ominous",
                    "serene", "tranquil", "peaceful", "cozy", "cosy", "gloomy", "melancholic", "melancholy",
                    "tense", "mysterious", "magical", "whimsical", "nostalgic", "romantic", "cheerful", "somber",
                    "sombre", "bustling", "lively", "calm")
            .build();

    /** What may be proposed per aspect. The first option of each list is the generic default. */
    private static final Map<Aspect, List<Option>> OPTIONS = options();

    private static Map<Aspect, List<Option>> options() {
        var options = new EnumMap<Aspect, List<Option>>(Aspect.class);
        options.put(Aspect.SHOT_TYPE, shotTypes());
        options.put(Aspect.CAMERA, cameraMovements());
        options.put(Aspect.LIGHTING, lighting());
        options.put(Aspect.TIME_OF_DAY, timesOfDay());
        options.put(Aspect.MOTION, motions());
        options.put(Aspect.STYLE, styles());
        options.put(Aspect.COLOR_PALETTE, palettes());
        options.put(Aspect.ATMOSPHERE, atmospheres());
        return Collections.unmodifiableMap(options);
    }

    private static List<Option> shotTypes() {
        return List.of(
                option("medium shot").favours(SUBJECT, INDOOR),
                option("close-up").needs(SMALL).favours(STILL).implies(CLOSE),
                option("medium close-up").needs(PERSON).avoids(MOVING, WIDE).favours(INDOOR, STILL)
                        .implies(CLOSE),
                option("full shot").needs(SUBJECT, MOVING).avoids(SMALL, CLOSE),
                option("wide establishing shot").avoids(SMALL, CLOSE)
                        .favours(URBAN, NATURE, SEA, DESERT, SNOW, EMPTY, UNDERWATER, SPACE, FIELD).implies(WIDE),
                option("aerial drone shot").needs(VAST)
                        .avoids(INDOOR, SMALL, CLOSE, UNDERWATER, SPACE).implies(AERIAL, WIDE));
    }

    private static List<Option> cameraMovements() {
        return List.of(
                option("slow dolly-in").favours(INDOOR, SMALL, CLOSE, STILL),
                option("smooth tracking shot following the subject").needs(SUBJECT, MOVING),
                option("slow orbit around the subject").favours(SUBJECT, STILL),
                option("slow aerial fly-over").needs(VAST)
                        .avoids(INDOOR, SMALL, CLOSE, UNDERWATER, SPACE).favours(AERIAL, WIDE),
                option("slow pan across the scene").avoids(CLOSE).favours(WIDE, URBAN, EMPTY),
                option("gentle handheld drift").favours(URBAN, PERSON),
                option("slow, floating glide through the water").needs(UNDERWATER),
                option("slow, weightless drift").needs(SPACE));
    }

    private static List<Option> lighting() {
        return List.of(
                option("warm golden-hour sunlight")
                        .avoids(NIGHT, NOON, INDOOR, RAIN, FOG, OVERCAST, UNDERWATER, SPACE, MONOCHROME, COOL)
                        .favours(NATURE, FIELD, SEA, DESERT, VAST, TWILIGHT).implies(TWILIGHT, WARM),
                option("soft, overcast daylight").avoids(NIGHT, TWILIGHT, INDOOR, UNDERWATER, SPACE)
                        .favours(RAIN, FOG, SNOW, OVERCAST, DAY).implies(DAY, OVERCAST),
                option("crisp midday sun with hard shadows").needs(NOON)
                        .avoids(RAIN, FOG, OVERCAST, INDOOR, UNDERWATER, SPACE),
                option("silvery moonlight").needs(NIGHT)
                        .avoids(INDOOR, UNDERWATER, SPACE, RAIN, OVERCAST).implies(COOL),
                option("cool blue night ambience").needs(NIGHT).avoids(UNDERWATER, SPACE).implies(COOL),
                option("pools of sodium-vapour streetlight").needs(NIGHT, URBAN).avoids(INDOOR, UNDERWATER)
                        .implies(WARM),
                option("neon signs casting magenta and cyan light").needs(NIGHT, URBAN)
                        .avoids(MONOCHROME, UNDERWATER).favours(RAIN),
                option("soft window light").needs(INDOOR).avoids(NIGHT).favours(DAY).implies(DAY),
                option("warm practical lamps").needs(INDOOR).favours(NIGHT, TWILIGHT).implies(WARM),
                option("warm, flickering firelight").needs(FIRE).avoids(UNDERWATER)
                        .favours(NIGHT, TWILIGHT).implies(WARM),
                option("sunlight filtering down in shimmering caustics").needs(UNDERWATER),
                option("stark, unfiltered sunlight against the black of space").needs(SPACE),
                option("dramatic low-key lighting").needs(MONOCHROME).favours(NIGHT, INDOOR, URBAN));
    }

    private static List<Option> timesOfDay() {
        return List.of(
                option("golden hour")
                        .avoids(NIGHT, NOON, INDOOR, RAIN, FOG, OVERCAST, UNDERWATER, SPACE, MONOCHROME, COOL)
                        .favours(TWILIGHT, WARM, NATURE, FIELD, SEA, DESERT, VAST).implies(TWILIGHT),
                option("late afternoon").avoids(NIGHT, UNDERWATER, SPACE).favours(DAY, INDOOR).implies(DAY),
                option("overcast morning").avoids(NIGHT, TWILIGHT, WARM, UNDERWATER, SPACE)
                        .favours(OVERCAST, RAIN, FOG, SNOW).implies(DAY),
                option("blue hour, just after sunset")
                        .avoids(DAY, NOON, WARM, INDOOR, UNDERWATER, SPACE).favours(URBAN, SEA, SNOW)
                        .implies(TWILIGHT, COOL),
                option("night").needs(ARTIFICIAL_LIGHT).avoids(DAY, UNDERWATER, SPACE).favours(URBAN)
                        .implies(NIGHT));
    }

    private static List<Option> motions() {
        return List.of(
                option("a light breeze stirring the scene").avoids(INDOOR, UNDERWATER, SPACE),
                option("steam curling up into the air").needs(HOT).avoids(CHILLED, UNDERWATER),
                option("rain streaking down and rippling in puddles").needs(RAIN).avoids(INDOOR, UNDERWATER),
                option("snowflakes drifting down").needs(SNOW).avoids(INDOOR, UNDERWATER),
                option("fog rolling slowly across the ground").needs(FOG).avoids(INDOOR, UNDERWATER),
                option("flames flickering and embers drifting upward").needs(FIRE).avoids(UNDERWATER),
                option("bubbles rising and particles drifting in the current").needs(UNDERWATER),
                option("tiny particles floating weightlessly").needs(SPACE),
                option("waves rolling in and breaking into foam").needs(SEA)
                        .avoids(INDOOR, UNDERWATER, CLOSE, SMALL),
                option("tall grass rippling in the wind").needs(FIELD).avoids(INDOOR, UNDERWATER, SNOW),
                option("leaves swaying in the breeze").needs(NATURE).avoids(INDOOR, UNDERWATER, SPACE, SNOW),
                option("ripples spreading across the water").needs(WATER).avoids(UNDERWATER),
                option("steam rising from a street grate").needs(URBAN, NIGHT).avoids(INDOOR, RAIN),
                option("passers-by streaming past in soft motion blur").needs(URBAN).avoids(EMPTY, INDOOR),
                option("dust motes drifting through the light").needs(INDOOR),
                option("clouds drifting slowly across the sky").favours(VAST, WIDE, AERIAL)
                        .avoids(INDOOR, UNDERWATER, SPACE, NIGHT, CLOSE, SMALL));
    }

    private static List<Option> styles() {
        return List.of(
                option("photorealistic, cinematic live action"),
                option("moody neo-noir").needs(NIGHT, URBAN).avoids(MONOCHROME),
                option("cosy slice-of-life cinematography").needs(HOME),
                option("underwater documentary").needs(UNDERWATER),
                option("nature documentary").needs(ANIMAL, NATURE).avoids(INDOOR, URBAN),
                option("epic landscape cinematography").needs(VAST).avoids(INDOOR),
                option("hard science-fiction realism").needs(SPACE),
                option("documentary-style street realism").needs(URBAN).avoids(INDOOR));
    }

    private static List<Option> palettes() {
        return List.of(
                option("natural, true-to-life colours").avoids(MONOCHROME),
                option("warm ambers and soft golds").avoids(MONOCHROME, COOL, UNDERWATER, SPACE)
                        .favours(HOME, HOT, FIRE, WARM, TWILIGHT).implies(WARM),
                option("cool blues and steely greys").avoids(MONOCHROME, WARM)
                        .favours(NIGHT, RAIN, SNOW, FOG, OVERCAST, COOL).implies(COOL),
                option("neon magenta and cyan").needs(NIGHT, URBAN).avoids(MONOCHROME, WARM).favours(RAIN),
                option("lush greens and earthy browns").needs(NATURE)
                        .avoids(MONOCHROME, NIGHT, SNOW, DESERT, UNDERWATER),
                option("sun-bleached ochres and sandy golds").needs(DESERT).avoids(MONOCHROME, NIGHT),
                option("deep aquamarine and teal blues").needs(UNDERWATER).avoids(MONOCHROME),
                option("crisp whites and icy blues").needs(SNOW).avoids(MONOCHROME, WARM),
                option("inky blacks with pinpoint starlight").needs(SPACE));
    }

    private static List<Option> atmospheres() {
        return List.of(
                option("a faint atmospheric haze").avoids(UNDERWATER, SPACE),
                option("cosy, lived-in warmth").needs(HOME),
                option("rain-slicked surfaces glistening with reflections").needs(RAIN)
                        .avoids(INDOOR, UNDERWATER),
                option("a hushed, snowy stillness").needs(SNOW).avoids(INDOOR, UNDERWATER),
                option("crisp, clear air")
                        .avoids(INDOOR, NIGHT, RAIN, FOG, SNOW, OVERCAST, UNDERWATER, SPACE, CLOSE, SMALL)
                        .favours(VAST, NATURE, FIELD, SEA),
                option("a quiet, contemplative calm").needs(EMPTY),
                option("an electric, neon-lit bustle").needs(NIGHT, URBAN).avoids(EMPTY, MONOCHROME, WARM),
                option("a hushed nocturnal calm").needs(NIGHT).avoids(URBAN),
                option("a murky, dreamlike calm").needs(UNDERWATER),
                option("a vast, weightless silence").needs(SPACE),
                option("dry heat shimmering in the air").needs(DESERT).avoids(NIGHT, SNOW, RAIN));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Word matching
    // ---------------------------------------------------------------------------------------------------------

}
