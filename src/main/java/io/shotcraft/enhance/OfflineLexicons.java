package io.shotcraft.enhance;

import io.shotcraft.platform.text.Lexicon;

import static io.shotcraft.enhance.OfflineAspect.CAMERA_MOVEMENT;
import static io.shotcraft.enhance.OfflineAspect.COLOR_ATMOSPHERE;
import static io.shotcraft.enhance.OfflineAspect.LIGHTING;
import static io.shotcraft.enhance.OfflineAspect.MOTION;
import static io.shotcraft.enhance.OfflineAspect.SHOT_TYPE;
import static io.shotcraft.enhance.OfflineTrait.*;

import java.util.HashMap;
import java.util.Map;

/** The words by which the offline enhancer reads a prompt: what the scene is, what it already says, who is in it. */
final class OfflineLexicons {

    private OfflineLexicons() {
    }

    /** Scene traits. Ambiguous words are read the cautious way: "dark" makes it night, "bar" makes it indoors. */
    static final Lexicon<OfflineTrait> TRAITS = Lexicon.of(OfflineTrait.class)
            .add(NIGHT, "night~", "nighttime", "midnight", "dark", "darkness", "darkened", "moon", "moonlit",
                    "moonlight~", "full moon", "starry", "starlit", "starlight", "under the stars", "after dark",
                    "nocturnal")
            .add(DAY, "day~", "daytime", "daylight", "sun", "sunny", "sunlit", "sunlight", "sunshine", "sunbeam~",
                    "morning~", "afternoon~", "noon", "midday", "high noon", "breakfast")
            .add(NOON, "noon", "midday", "high noon")
            .add(TWILIGHT, "sunset~", "sunrise~", "dawn", "dusk", "twilight", "golden hour", "blue hour",
                    "magic hour", "evening~")
            .add(INDOOR, "room~", "bedroom~", "living room~", "bathroom~", "kitchen~", "office~", "interior~",
                    "indoor~", "inside", "hallway~", "corridor~", "studio~", "bar~", "pub~", "restaurant~", "cafe~",
                    "café~", "diner~", "library", "libraries", "classroom~", "apartment~", "attic~", "basement~",
                    "cellar~", "warehouse~", "garage~", "church~", "cathedral~", "museum~", "gym~", "lobby",
                    "elevator~", "theater~", "theatre~", "cinema~", "workshop~", "laboratory", "lab~", "hospital~",
                    "shop", "shops", "store", "stores", "bakery", "bookstore~", "nightclub~", "arcade~",
                    "ballroom~", "staircase~", "stairwell~", "stage~", "fireplace~", "candlelit", "at home",
                    "bedside", "sofa~", "couch~", "desk~", "subway car~", "train carriage~")
            .add(UNDERWATER, "underwater", "under water", "under the sea", "beneath the waves",
                    "beneath the surface", "seabed", "sea floor", "seafloor", "ocean floor", "coral~", "reef~",
                    "scuba", "diver~", "submerged", "aquarium~")
            .add(SPACE, "outer space", "in space", "deep space", "astronaut~", "spacewalk~", "galaxy", "galaxies",
                    "nebula~", "zero gravity", "space station~", "spaceship~", "spacecraft", "in orbit",
                    "low earth orbit", "cosmos", "asteroid~")
            .add(RAIN, "rain~", "rainy", "rainfall", "raindrop~", "drizzle~", "downpour~", "rainstorm~",
                    "thunderstorm~", "storm~", "stormy", "monsoon~", "wet", "puddle~", "soaked", "drenched",
                    "rain soaked", "rain slicked")
            .add(SNOW, "snow~", "snowy", "snowfall~", "snowflake~", "snowstorm~", "blizzard~", "sleet", "snowman",
                    "snowdrift~")
            .add(FOG, "fog~", "foggy", "mist~", "misty", "haze", "hazy", "smog", "smoke", "smoky")
            .add(COLD, "cold", "icy", "ice skating", "ice rink", "on the ice", "icicle~", "iceberg~", "frost",
                    "frosty", "frozen", "freezing", "winter~", "wintry",
                    "arctic", "antarctic", "glacier~", "tundra", "snow~", "snowy", "snowfall~", "snowflake~",
                    "snowstorm~", "blizzard~", "snowman")
            .add(CHILLED, "iced", "ice cold", "chilled", "cold brew", "ice cream~", "frozen")
            .add(DESERT, "desert~", "dune~", "sand dune~", "wasteland~", "arid", "sahara")
            .add(URBAN, "city", "cities", "cityscape~", "street~", "downtown", "alley~", "alleyway~", "avenue~",
                    "boulevard~", "skyscraper~", "metropolis", "town~", "market~", "marketplace~", "sidewalk~",
                    "crosswalk~", "traffic", "neon", "cyberpunk", "rooftop~", "plaza~", "subway~", "station~",
                    "bus stop~", "intersection~", "bar~", "pub~", "nightclub~", "arcade~", "tokyo", "new york",
                    "london", "paris", "hong kong")
            .add(ROAD, "road~", "highway~", "freeway~", "motorway~", "street~", "crossroads", "intersection~",
                    "traffic")
            .add(NATURE, "forest~", "tree~", "woods", "woodland~", "jungle~", "garden~", "park", "parks", "orchard~",
                    "grove~", "rainforest~", "vineyard~", "bamboo", "foliage", "leaves", "leaf", "branch~")
            .add(FIELD, "field~", "meadow~", "grass", "grasses", "grassland~", "prairie~", "savanna~",
                    "savannah~", "steppe~", "wheat", "lawn~", "rolling hills")
            .add(SEA, "ocean~", "sea~", "beach~", "coast", "coasts", "coastline~", "shore~", "shoreline~",
                    "surf", "waves", "bay", "harbour~", "harbor~", "seaside")
            .add(WATER, "ocean~", "sea~", "beach~", "coast", "coasts", "shore~", "shoreline~", "surf", "waves", "bay",
                    "harbour~", "harbor~", "lake~", "river~", "riverbank~", "pond~", "stream", "streams", "canal~",
                    "waterfall~", "lagoon~", "creek~", "puddle~", "fountain~", "swamp~", "marsh~", "water")
            .add(FIRE, "fire", "fires", "campfire~", "bonfire~", "fireplace~", "flame~", "flames", "candle~",
                    "embers", "hearth~", "torch~", "firelight")
            .add(HOT, "coffee~", "tea", "teacup~", "soup~", "ramen", "kettle~", "hot chocolate", "mug~",
                    "cooking", "cook~", "kitchen~", "stew~", "hot spring~", "sauna~", "steaming", "steam~",
                    "noodle~", "dumpling~")
            .add(HOME, "bedroom~", "living room~", "kitchen~", "dining room~", "apartment~", "attic~", "cabin~",
                    "cottage~", "restaurant~", "bar~", "pub~", "church~", "cathedral~", "chapel~", "dinner~",
                    "fireplace~", "candle~", "candlelit", "at home")
            .add(SMALL, "cup~", "mug~", "teacup~", "glass of", "wine glass~", "bottle~", "ring", "jewel~",
                    "necklace~", "watch", "pocket watch", "single flower", "a flower", "blossom~", "petal~",
                    "insect~", "ant~", "ladybug~", "ladybird~", "snail~", "dewdrop~", "droplet~", "hand~",
                    "eyes", "face", "lips", "finger~", "fingertip~", "plate", "bowl~", "dish", "still life",
                    "tabletop", "on a table", "on the table", "on a desk", "miniature~", "tiny", "cat", "kitten~",
                    "puppy", "mouse", "hamster~", "rabbit~", "bunny", "squirrel~", "hedgehog~", "sparrow~",
                    "hummingbird~", "butterfly", "bee", "frog~", "lizard~")
            .add(EMPTY, "empty", "deserted", "abandoned", "lonely", "lone", "alone", "solitary", "silent",
                    "quiet", "desolate", "isolated", "no one", "nobody", "vacant")
            .add(CLOSE, "close up~", "closeup~", "close shot", "extreme close up", "macro", "detail shot",
                    "insert shot", "tight shot", "medium close up")
            .add(WIDE, "wide shot", "wide angle", "extreme wide", "establishing shot", "long shot", "aerial",
                    "drone~", "bird s eye", "birds eye", "panorama~", "panoramic", "vista~", "landscape~")
            .add(STILL, "still", "motionless", "static", "stationary", "unmoving", "frozen", "freeze frame",
                    "statue~", "still life", "asleep", "sleep~", "slept", "locked off", "tripod~", "fixed camera",
                    "no camera movement")
            .add(MONOCHROME, "black and white", "b w", "monochrome", "monochromatic", "sepia", "grayscale",
                    "greyscale", "noir")
            .build();

    /** Words showing that the prompt already covers an aspect. */
    static final Lexicon<OfflineAspect> PRESENT = Lexicon.of(OfflineAspect.class)
            .add(SHOT_TYPE, "close up~", "closeup~", "close shot", "extreme close up", "macro", "medium shot",
                    "mid shot", "medium close up", "medium wide", "medium long shot", "wide shot~", "wide angle",
                    "establishing shot", "full shot", "long shot", "extreme wide", "extreme long shot",
                    "over the shoulder", "low angle", "high angle", "bird s eye", "birds eye", "worm s eye",
                    "top down", "overhead shot", "overhead view", "aerial", "drone shot", "drone footage",
                    "drone view", "pov", "point of view", "first person", "dutch angle", "two shot",
                    "cowboy shot", "insert shot", "detail shot", "tight shot", "profile shot", "portrait shot",
                    "selfie", "fpv", "shot from above", "shot from below")
            .add(CAMERA_MOVEMENT, "dolly~", "dolly~ in", "dolly zoom", "tracking shot", "tracking camera",
                    "camera track~", "panning", "whip pan", "slow pan", "camera pan~", "pan~ across", "pan~ left",
                    "pan~ right", "pan~ over", "tilt~ up", "tilt~ down", "camera tilt~", "handheld", "hand held",
                    "steadicam", "gimbal", "static camera", "static shot", "locked off", "tripod~", "fixed camera",
                    "stationary camera", "crane shot", "camera crane~", "jib", "camera orbit~", "orbit~ around",
                    "orbiting shot", "arc shot", "push~ in", "pull~ back", "pull~ out", "zoom~", "zoom~ in",
                    "zoom~ out", "crash zoom", "camera follow~", "follow shot", "camera move~", "camera glide~",
                    "camera drift~", "camera sweep~", "camera rise~", "camera circle~", "camera rotate~",
                    "camera push~", "camera pull~", "camera hold~", "camera slowly", "camera gently",
                    "no camera movement", "flythrough", "fly through")
            .add(MOTION, "drift~", "sway~", "ripple~", "flutter~", "billow~", "swirl~", "flicker~", "rustle~",
                    "shimmer~", "undulate~", "waft~", "flow~", "in the wind", "in the breeze", "wind in", "windy",
                    "gust~", "windswept",
                    "windblown", "blowing", "blown", "falling snow", "snow fall~", "falling leaves", "leaves fall~",
                    "falling rain", "steam rise~", "rising steam", "steam curl~", "bubbles rise~", "waves crash~",
                    "crashing waves", "waves roll~", "rolling waves", "waves break~", "motion blur")
            .add(LIGHTING, "lighting", "lit", "lit by", "sunlight", "sunlit", "moonlight", "moonlit", "candlelight",
                    "candlelit", "firelight", "lamplight", "torchlight", "starlight", "backlit", "backlight~",
                    "back lit", "rim light~", "golden hour", "blue hour", "magic hour", "sunset~", "sunrise~",
                    "dawn", "dusk", "twilight", "neon", "neon lit", "daylight", "natural light", "soft light",
                    "hard light", "harsh light", "low light", "spotlight~", "streetlight~", "street light~",
                    "headlight~", "fluorescent", "tungsten", "glow~", "illuminate~", "silhouette~", "chiaroscuro",
                    "overcast", "high key", "low key", "sunbeam~", "god rays", "light rays", "rays of light",
                    "light shaft~", "shafts of light", "lantern~", "sunny", "sunshine", "studio lighting",
                    "volumetric light~", "caustic~")
            .add(COLOR_ATMOSPHERE, "palette~", "colour palette~", "color palette~", "colour grade~",
                    "color grade~", "colour grading", "color grading", "graded", "tones", "toned", "hues",
                    "pastel~", "monochrome", "monochromatic", "black and white", "b w", "sepia", "grayscale",
                    "greyscale", "desaturated", "saturated", "vibrant", "muted", "teal and orange", "film grain",
                    "grainy", "film look", "filmic", "volumetric", "atmospheric", "moody", "dreamy", "ethereal",
                    "noir", "technicolor", "kodachrome", "colour scheme", "color scheme")
            .build();

    /** Singular nouns that name a subject, with its kind (a person, a furry or feathered animal, a creature). */
    static final Map<String, OfflineTrait> SUBJECTS = subjects();

    private static Map<String, OfflineTrait> subjects() {
        var subjects = new HashMap<String, OfflineTrait>();
        put(subjects, PERSON, "man", "woman", "girl", "boy", "child", "kid", "baby", "toddler", "person", "lady",
                "gentleman", "dancer", "ballerina", "chef", "soldier", "knight", "warrior", "samurai", "ninja",
                "astronaut", "diver", "musician", "guitarist", "singer", "pianist", "violinist", "drummer",
                "runner", "skater", "skateboarder", "surfer", "cyclist", "rider", "climber", "hiker", "fisherman",
                "farmer", "doctor", "nurse", "scientist", "detective", "cowboy", "king", "queen", "prince",
                "princess", "witch", "wizard", "monk", "priest", "nun", "bride", "groom", "teenager", "student",
                "teacher", "worker", "mechanic", "painter", "artist", "athlete", "boxer", "actor", "actress",
                "grandmother", "grandfather", "grandma", "grandpa", "mother", "father", "daughter", "son",
                "traveler", "traveller", "explorer", "pilot", "sailor", "pirate", "stranger", "hunter");
        put(subjects, FURRY, "cat", "kitten", "dog", "puppy", "fox", "wolf", "bear", "horse", "pony", "foal",
                "deer", "stag", "rabbit", "bunny", "hare", "lion", "lioness", "tiger", "leopard", "cheetah",
                "panda", "monkey", "gorilla", "squirrel", "mouse", "rat", "hamster", "raccoon", "otter", "cow",
                "sheep", "lamb", "goat", "camel", "llama", "alpaca", "bison", "buffalo", "koala", "hedgehog",
                "badger", "lynx", "puma", "cougar", "jaguar", "husky", "corgi", "retriever", "labrador");
        put(subjects, FEATHERED, "bird", "eagle", "hawk", "falcon", "owl", "crow", "raven", "parrot", "pigeon",
                "dove", "swan", "duck", "goose", "heron", "flamingo", "peacock", "hummingbird", "seagull",
                "gull", "penguin", "rooster", "chicken", "hen", "sparrow", "robin");
        put(subjects, CREATURE, "fish", "shark", "whale", "dolphin", "turtle", "octopus", "jellyfish", "snake",
                "lizard", "frog", "butterfly", "bee", "dragon", "elephant", "crab", "robot", "dinosaur");
        return Map.copyOf(subjects);
    }

    private static void put(Map<String, OfflineTrait> subjects, OfflineTrait kind, String... nouns) {
        for (String noun : nouns) {
            subjects.putIfAbsent(noun, kind);
        }
    }
}
