package io.shotcraft.parameters.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;

class OfflineParameterExtractorTest {

    private static final String KITCHEN = "The teal robot is cooking food in a kitchen. Steam rises from a simmering "
            + "pot as the robot chops vegetables on a worn wooden cutting board. Copper pans hang from an overhead "
            + "rack, catching glints of afternoon light, while a well-loved cast iron skillet sits on the stovetop "
            + "next to scattered measuring spoons and a half-empty bottle of olive oil.";
    private static final List<String> KITCHEN_PROPS = List.of("simmering pot", "worn wooden cutting board",
            "copper pans", "cast iron skillet", "measuring spoons", "half-empty bottle of olive oil");
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z]+(_[a-z0-9]+)*");
    private static final Pattern PROP_NAME = Pattern.compile("prop_(\\d+)");
    private static final int LONGEST_PART_IN_WORDS = 8;

    private final OfflineParameterExtractor extractor = new OfflineParameterExtractor();

    /** A prompt, the parameters it must yield (name, a phrase the value contains) and the names it must not. */
    record Scene(String prompt, Map<String, List<String>> expected, Set<String> absent) {

        static Scene of(String prompt) {
            return new Scene(prompt, new LinkedHashMap<>(), new LinkedHashSet<>());
        }

        Scene has(String name, String... phrases) {
            expected.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(phrases));
            return this;
        }

        Scene without(String... names) {
            absent.addAll(List.of(names));
            return this;
        }

        @Override
        public String toString() {
            return prompt.length() <= 60 ? prompt : prompt.substring(0, 57) + "...";
        }
    }

    static Stream<Scene> corpus() {
        return Stream.of(
                Scene.of("A narrow city street at night, neon signs flickering above puddles as heavy rain falls.")
                        .has("location", "city street").has("time_of_day", "night").has("weather", "heavy rain")
                        .has("prop", "neon signs", "puddles")
                        .without("subject", "subject_action", "camera", "style", "season"),
                Scene.of("A woman in a red dress dancing on a beach at sunset, waves crashing behind her, her hair "
                        + "blowing in the warm breeze.")
                        .has("subject", "woman in a red dress").has("subject_action", "dancing")
                        .has("location", "beach").has("time_of_day", "sunset").has("weather", "breeze")
                        .has("prop", "waves")
                        .without("camera", "shot_type", "style", "lighting"),
                Scene.of("Aerial drone shot over snowy mountains at sunrise, the camera slowly pushes forward above "
                        + "a frozen lake.")
                        .has("camera", "drone shot", "camera slowly pushes forward")
                        .has("location", "snowy mountains").has("time_of_day", "sunrise")
                        .without("subject", "subject_action", "style", "mood"),
                Scene.of("A fluffy orange cat sleeping on a sunlit windowsill.")
                        .has("subject", "orange cat").has("subject_action", "sleeping").has("prop", "windowsill")
                        .without("weather", "time_of_day", "camera", "location", "mood"),
                Scene.of("An astronaut walking on Mars, kicking up red dust, with a lunar rover parked beside a "
                        + "crater.")
                        .has("subject", "astronaut").has("subject_action", "walking", "kicking up red dust")
                        .has("location", "Mars").has("prop", "lunar rover")
                        .without("weather", "time_of_day", "lighting"),
                Scene.of("Anime-style samurai standing in a bamboo forest, cherry blossom petals drifting in the "
                        + "wind.")
                        .has("style", "Anime-style").has("subject", "samurai").has("subject_action", "standing")
                        .has("location", "bamboo forest").has("weather", "wind")
                        .has("prop", "cherry blossom petals")
                        .without("time_of_day", "camera", "color_palette"),
                Scene.of("Close-up of hands kneading dough on a floured wooden table, soft morning light from a "
                        + "window.")
                        .has("shot_type", "Close-up").has("subject", "hands").has("subject_action", "kneading dough")
                        .has("prop", "floured wooden table", "window").has("lighting", "soft morning light")
                        .has("time_of_day", "morning")
                        .without("camera", "weather", "location"),
                Scene.of("A black-and-white noir scene: a detective in a fedora sits at a desk in a smoky office, "
                        + "lit by a single desk lamp.")
                        .has("color_palette", "black-and-white").has("style", "noir")
                        .has("subject", "detective in a fedora").has("subject_action", "sits")
                        .has("location", "office").has("prop", "desk").has("lighting", "desk lamp")
                        .without("weather", "time_of_day", "camera"),
                Scene.of("A child flying a kite in a park on a windy day.")
                        .has("subject", "child").has("subject_action", "flying a kite").has("location", "park")
                        .has("weather", "windy")
                        .without("time_of_day", "lighting", "camera", "style"),
                Scene.of("An underwater coral reef with a sea turtle gliding past schools of colorful fish, sunbeams "
                        + "filtering through the water.")
                        .has("location", "coral reef").has("subject", "sea turtle").has("subject_action", "gliding")
                        .has("secondary_subject", "fish").has("lighting", "sunbeams")
                        .without("weather", "time_of_day", "camera"),
                Scene.of("A car chase on a desert highway, a red sports car speeding past cactus and dust under a "
                        + "blazing sun. Handheld camera, tracking shot.")
                        .has("subject", "car chase").has("location", "desert highway")
                        .has("prop", "red sports car", "cactus").has("lighting", "blazing sun")
                        .has("camera", "Handheld camera", "tracking shot")
                        .without("weather", "time_of_day", "mood"),
                Scene.of("Tracking shot of a red sports car speeding down a desert highway.")
                        .has("camera", "Tracking shot").has("subject", "red sports car")
                        .has("subject_action", "speeding").has("location", "desert highway")
                        .without("weather", "lighting", "prop_1"),
                Scene.of("A lighthouse on a rocky coast during a thunderstorm, lightning splitting the dark sky. "
                        + "Wide shot, dramatic and ominous.")
                        .has("location", "rocky coast").has("weather", "thunderstorm", "lightning")
                        .has("shot_type", "Wide shot").has("mood", "dramatic", "ominous")
                        .without("subject", "time_of_day", "camera", "lighting"),
                Scene.of("A knight in shining armor rides a white horse across a battlefield at dusk, banners "
                        + "fluttering in the wind. Epic, cinematic, wide shot.")
                        .has("subject", "knight in shining armor").has("subject_action", "rides a white horse")
                        .has("location", "battlefield").has("time_of_day", "dusk").has("weather", "wind")
                        .has("prop", "banners").has("mood", "Epic").has("style", "cinematic")
                        .has("shot_type", "wide shot")
                        .without("camera", "lighting"),
                Scene.of("A cozy cabin interior in winter, a fire crackling in the stone fireplace, a golden "
                        + "retriever asleep on a knitted rug. Warm amber tones.")
                        .has("location", "cabin interior").has("season", "winter")
                        .has("subject", "golden retriever").has("subject_action", "asleep")
                        .has("prop", "fire", "stone fireplace", "knitted rug")
                        .has("color_palette", "Warm amber tones")
                        .without("weather", "time_of_day", "camera"),
                Scene.of("A medium shot of a barista pouring latte art into a ceramic cup in a minimalist cafe. Soft "
                        + "natural light from large windows, shallow depth of field, warm tones.")
                        .has("shot_type", "medium shot").has("subject", "barista")
                        .has("subject_action", "pouring latte art").has("location", "cafe")
                        .has("prop", "ceramic cup", "large windows").has("lighting", "natural light")
                        .has("color_palette", "warm tones")
                        .without("weather", "time_of_day", "camera"),
                Scene.of("She walks slowly through the market. She stops, smiles, and picks up an apple.")
                        .has("subject", "She").has("subject_action", "walks", "stops", "smiles", "picks up an apple")
                        .has("location", "market")
                        .without("weather", "time_of_day", "lighting"),
                Scene.of("Handheld footage of protesters marching through a crowded city square, holding signs and "
                        + "chanting.")
                        .has("camera", "Handheld footage").has("subject", "protesters")
                        .has("subject_action", "marching", "holding signs", "chanting")
                        .has("location", "city square")
                        .without("weather", "time_of_day", "style"),
                Scene.of("A serene Japanese garden in early morning. An elderly gardener in a straw hat rakes the "
                        + "gravel into neat lines. The camera glides slowly along a stone path. Photorealistic, shot "
                        + "on 35mm film, muted pastel colors, tranquil mood.")
                        .has("location", "Japanese garden").has("time_of_day", "early morning")
                        .has("subject", "gardener in a straw hat").has("subject_action", "rakes the gravel")
                        .has("camera", "camera glides").has("style", "Photorealistic", "35mm film")
                        .has("color_palette", "muted pastel colors").has("mood", "tranquil")
                        .without("weather", "lighting", "prop_1"),
                Scene.of("A massive dragon with emerald scales circles a burning castle, breathing fire onto the "
                        + "towers below while knights scatter. Epic fantasy, low-angle shot, stormy sky.")
                        .has("subject", "dragon with emerald scales").has("subject_action", "circles", "breathing fire")
                        .has("location", "castle").has("secondary_subject", "knights")
                        .has("shot_type", "low-angle shot").has("style", "fantasy").has("weather", "stormy")
                        .without("camera", "time_of_day"),
                Scene.of("The chef flips a pancake in a cast iron pan over a gas stove; butter sizzles and the "
                        + "kitchen fills with steam.")
                        .has("subject", "chef").has("subject_action", "flips a pancake")
                        .has("prop", "cast iron pan", "gas stove").has("location", "kitchen")
                        .has("atmosphere", "steam")
                        .without("camera", "weather", "time_of_day"),
                Scene.of("Low angle, a lion standing on a rock at sunset, its mane blowing in the wind.")
                        .has("shot_type", "Low angle").has("subject", "lion").has("subject_action", "standing")
                        .has("prop", "rock").has("time_of_day", "sunset").has("weather", "wind")
                        .without("camera", "location", "lighting"),
                Scene.of("Lighting: soft and warm. Mood: melancholic. Camera: slow dolly in.")
                        .has("lighting", "soft and warm").has("mood", "melancholic").has("camera", "slow dolly in")
                        .without("subject", "location", "prop_1"));
    }

    static Stream<String> prompts() {
        return Stream.concat(Stream.of(KITCHEN, "a cat", "Robot.", "Ein Hund läuft über eine Wiese",
                "一只猫在雨中的东京街头漫步。", "It is raining in Tokyo. A young woman holding a transparent umbrella "
                        + "waits at a crosswalk under flickering streetlights."),
                corpus().map(Scene::prompt));
    }

    private Map<String, String> extract(String prompt) {
        var parameters = new LinkedHashMap<String, String>();
        for (Parameter parameter : extractor.extract(prompt)) {
            assertThat(parameters.put(parameter.name(), parameter.value())).as("duplicate name").isNull();
        }
        return parameters;
    }

    private static List<String> parts(String value) {
        return List.of(value.split(", "));
    }

    private static List<String> props(Map<String, String> parameters) {
        return parameters.entrySet().stream().filter(entry -> entry.getKey().startsWith("prop_"))
                .map(Map.Entry::getValue).toList();
    }

    // The design's kitchen example

    @Test
    void readsTheSubjectItsActionsAndTheSetting() {
        var parameters = extract(KITCHEN);

        assertThat(parameters).containsEntry("subject", "teal robot").containsEntry("location", "kitchen")
                .containsEntry("time_of_day", "afternoon");
        assertThat(parts(parameters.get("subject_action"))).containsExactly("cooking food", "chops vegetables");
        assertThat(parameters.get("lighting")).contains("afternoon light");
        assertThat(parameters.get("atmosphere")).isEqualTo("Steam");
    }

    @Test
    void findsTheKitchenPropsAsNounPhrasesWithTheirAttributes() {
        var props = props(extract(KITCHEN)).stream().map(prop -> prop.toLowerCase(Locale.ROOT)).toList();

        long found = KITCHEN_PROPS.stream().filter(expected -> props.stream().anyMatch(p -> p.contains(expected)))
                .count();
        assertThat(found).isGreaterThanOrEqualTo(5);
        assertThat(props).contains("simmering pot", "worn wooden cutting board", "copper pans",
                "half-empty bottle of olive oil");
        assertThat(props).allSatisfy(prop -> assertThat(prop).doesNotContain("robot", " sits", " hang"));
    }

    @Test
    void ordersTheKitchenParametersAsThePromptMentionsThem() {
        var names = List.copyOf(extract(KITCHEN).keySet());

        assertThat(names.subList(0, 3)).containsExactly("subject", "subject_action", "location");
        assertThat(names).containsSubsequence("atmosphere", "prop_1", "prop_2", "prop_3", "lighting", "time_of_day",
                "prop_5");
    }

    @Test
    void doesNotTakeLaterMentionsOfTheSubjectForProps() {
        var parameters = extract("A small robot waters the plants. The robot then sits by a window, and the "
                + "robot's arm lifts a watering can.");

        assertThat(parameters).containsEntry("subject", "small robot");
        assertThat(parts(parameters.get("subject_action"))).contains("waters the plants", "sits",
                "lifts a watering can");
        assertThat(props(parameters)).containsExactly("window");
    }

    // A corpus of scenes

    @ParameterizedTest
    @MethodSource("corpus")
    void findsTheImportantParameters(Scene scene) {
        var parameters = extract(scene.prompt());

        scene.expected().forEach((name, phrases) -> {
            List<String> values = name.equals("prop") ? props(parameters)
                    : parameters.containsKey(name) ? List.of(parameters.get(name)) : List.of();
            assertThat(values).as("%s in %s", name, parameters).isNotEmpty();
            for (String phrase : phrases) {
                assertThat(values).as("%s in %s", name, parameters)
                        .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT)));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void inventsNoAspectThePromptDoesNotMention(Scene scene) {
        assertThat(extract(scene.prompt())).doesNotContainKeys(scene.absent().toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void takesEveryValueVerbatimFromThePrompt(String prompt) {
        for (Parameter parameter : extractor.extract(prompt)) {
            assertThat(parameter.value()).as(parameter.name()).isNotBlank();
            for (String part : parts(parameter.value())) {
                assertThat(prompt).as(parameter.name()).contains(part);
                assertThat(part).as(parameter.name()).isEqualTo(part.strip()).doesNotContain(",");
            }
            assertThat(Mentions.mentions(prompt, parameter.value())).as(parameter.name()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void keepsValuesToShortPhrases(String prompt) {
        for (Parameter parameter : extractor.extract(prompt)) {
            for (String part : parts(parameter.value())) {
                assertThat(part.split("\\s+")).as(parameter.name() + ": " + part)
                        .hasSizeLessThanOrEqualTo(LONGEST_PART_IN_WORDS);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void listsParametersInTheOrderOfFirstMention(String prompt) {
        int previous = -1;
        for (Parameter parameter : extractor.extract(prompt)) {
            int at = firstMention(prompt, parts(parameter.value()).get(0));
            assertThat(at).as("%s after position %d", parameter, previous).isGreaterThanOrEqualTo(previous);
            previous = at;
        }
    }

    private static int firstMention(String prompt, String phrase) {
        Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])")
                .matcher(prompt);
        return matcher.find() ? matcher.start() : -1;
    }

    @ParameterizedTest
    @MethodSource("prompts")
    void namesParametersInSnakeCaseAndNumbersPropsFromOne(String prompt) {
        var names = List.copyOf(extract(prompt).keySet());
        int props = 0;
        for (String name : names) {
            assertThat(name).matches(SNAKE_CASE);
            Matcher prop = PROP_NAME.matcher(name);
            if (prop.matches()) {
                assertThat(Integer.parseInt(prop.group(1))).isEqualTo(++props);
            }
        }
    }

    // Robustness

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t  ", "...", ", ; :", "!!!"})
    void findsNothingInAPromptWithoutWords(String prompt) {
        assertThat(extractor.extract(prompt)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ein Hund läuft über eine Wiese", "一只猫在雨中的东京街头漫步。",
            "Un chat dort sur le rebord de la fenêtre", "🚀🌕 ✨", "a-b-c--d ''' ’s", "The the the the",
            "of of and the a", "A", "robot's", "\"Close-up\" (of) [a] {cat}."})
    void readsUnusualTextWithoutFailing(String prompt) {
        var parameters = extractor.extract(prompt);

        assertThat(parameters).allSatisfy(parameter -> assertThat(prompt).contains(parts(parameter.value())));
    }

    @Test
    void readsAShortPromptToo() {
        assertThat(extract("a cat")).containsExactly(Map.entry("subject", "cat"));
        assertThat(extract("Two kids race their bikes down a dusty country road at noon.")).containsExactly(
                Map.entry("subject", "Two kids"), Map.entry("subject_action", "race their bikes"),
                Map.entry("location", "dusty country road"), Map.entry("time_of_day", "noon"));
    }

    @Test
    void readsTheWeatherFromAVerb() {
        assertThat(extract("It is raining in Tokyo.")).containsExactly(Map.entry("weather", "raining"),
                Map.entry("location", "Tokyo"));
    }

    @Test
    void tellsACameraPanFromAKitchenPan() {
        assertThat(extract("A slow pan across the skyline.")).containsEntry("camera", "slow pan");
        assertThat(extract("A cook stirs the soup; copper pans hang over the stove.")).containsEntry("prop_1",
                "copper pans").doesNotContainKey("camera");
    }

    @Test
    void tellsAVerbFromANounByWhatComesBefore() {
        assertThat(extract("The robot lights a candle.")).containsEntry("subject_action", "lights a candle");
        assertThat(extract("A robot under the street lights.")).containsEntry("lighting", "street lights")
                .doesNotContainKey("subject_action");
    }

    @Test
    void takesAPlaceFromAnAdjectiveOnlyWhenNoNounNamesOne() {
        assertThat(extract("Underwater, a diver explores a sunken ship.")).containsEntry("location", "Underwater");
        assertThat(extract("Underwater, a sea turtle glides over a coral reef.")).containsEntry("location",
                "coral reef");
    }

    @Test
    void readsALongPromptInFullSentences() {
        String prompt = String.join(" ", java.util.Collections.nCopies(50, KITCHEN));

        var parameters = extract(prompt);

        assertThat(parameters).containsEntry("subject", "teal robot");
        assertThat(props(parameters)).hasSize(8);
    }

    @Test
    void givesTheSameParametersEveryTimeAndOnEveryThread() {
        var expected = extractor.extract(KITCHEN);

        var results = IntStream.range(0, 200).parallel().mapToObj(i -> extractor.extract(KITCHEN)).toList();

        assertThat(results).allSatisfy(result -> assertThat(result).isEqualTo(expected));
    }

    @Test
    void extractsWellUnderAMillisecondPerPrompt() {
        var sample = prompts().toList();
        for (int i = 0; i < 200; i++) {
            sample.forEach(extractor::extract);
        }
        int runs = 500;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            sample.forEach(extractor::extract);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / (runs * sample.size());

        assertThat(micros).isLessThan(1000);
    }
}
