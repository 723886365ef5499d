package io.shotcraft.enhance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class OfflinePromptEnhancerTest {

    private static final int ROOMY = 200;
    private static final int SEEDS = 100;
    private static final List<String> ALL_ASPECTS =
            List.of("shot_type", "camera_movement", "motion", "lighting", "color_atmosphere");
    private static final List<String> SAMPLE_PROMPTS = List.of(
            "a cat",
            "A red fox trots across a snowy road at night",
            "Close-up of an old woman kneading dough in a small kitchen",
            "A diver explores a shipwreck on the seabed",
            "a lighthouse on a rocky coast during a storm",
            "Two kids race their bikes down a dusty desert road at noon",
            "An astronaut floats in space above the Earth",
            "A samurai stands in a bamboo forest, waiting",
            "Ein Hund läuft über eine Wiese");

    private final OfflinePromptEnhancer enhancer = new OfflinePromptEnhancer();

    private OfflineEnhancement t2v(String prompt, long seed) {
        return enhancer.enhance(prompt, EnhanceMode.T2V, null, seed, ROOMY);
    }

    private OfflineEnhancement i2v(String prompt, String caption, long seed) {
        return enhancer.enhance(prompt, EnhanceMode.I2V, caption, seed, ROOMY);
    }

    /** The text after the user's prompt, lower-cased. */
    private static String additions(OfflineEnhancement result, String prompt) {
        String text = result.text();
        return text.substring(text.indexOf(prompt) + prompt.length()).toLowerCase(Locale.ROOT);
    }

    private List<String> additionsOverSeeds(String prompt, int seeds) {
        return LongStream.rangeClosed(0, seeds).mapToObj(seed -> additions(t2v(prompt, seed), prompt)).toList();
    }

    private static int words(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    // Keeping the user's words

    @ParameterizedTest
    @ValueSource(strings = {
            "A red fox trots across a snowy road at night",
            "a small boat drifts toward a lighthouse",
            "Close-up of an old man's weathered hands",
            "a neon sign that reads \"OPEN 24 HOURS\"",
            "She whispers \"goodbye.\"",
            "Is this the real life?",
            "Run!",
            "The cat waits…",
            "ein Hund läuft über eine Wiese",
            "一只猫在雨中的东京街头漫步。",
            "a cat,"})
    void opensWithThePromptVerbatimAndOnlyAddsAfterIt(String prompt) {
        for (long seed = 0; seed <= 30; seed++) {
            var result = t2v(prompt, seed);
            assertThat(result.text()).startsWith(prompt);
            assertThat(result.text().length()).isGreaterThan(prompt.length() + 40);
        }
    }

    @Test
    void normalisesWhitespaceAndNothingElse() {
        var result = t2v("  a   cat\tsleeps \n on a\u00A0WINDOWSILL  ", 3);

        assertThat(result.text()).startsWith("a cat sleeps on a WINDOWSILL. ");
    }

    @Test
    void neverChangesTheCapitalisationOfThePrompt() {
        var result = t2v("a small boat drifts toward a lighthouse", 7);

        assertThat(result.text()).startsWith("a small boat drifts toward a lighthouse. ");
    }

    @Test
    void writesNonEnglishPromptsUntouchedAndAddsInEnglish() {
        var chinese = t2v("一只猫在雨中的东京街头漫步。", 5).text();
        var german = t2v("Ein Hund läuft über eine Wiese", 5).text();

        assertThat(chinese).startsWith("一只猫在雨中的东京街头漫步。 ");
        assertThat(chinese.substring("一只猫在雨中的东京街头漫步。".length())).matches("[\\x20-\\x7E—’]+");
        assertThat(german).startsWith("Ein Hund läuft über eine Wiese. ");
    }

    // One paragraph of natural English

    @Test
    void endsThePromptWithAPeriodBeforeTheAdditions() {
        var text = t2v("a cat", 0).text();

        assertThat(text).startsWith("a cat. ");
        assertThat(text.charAt("a cat. ".length())).isUpperCase();
        assertThat(text).endsWith(".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the cat doing?", "Run!", "The cat waits…", "The cat waits...",
            "She whispers \"goodbye.\""})
    void keepsTheFinalPunctuationWithoutDoublingIt(String prompt) {
        for (long seed = 0; seed <= 10; seed++) {
            var text = t2v(prompt, seed).text();
            assertThat(text).startsWith(prompt + " ");
            assertThat(text.charAt(prompt.length() + 1)).isUpperCase();
        }
    }

    @Test
    void continuesAClauseLeftOpenWithAComma() {
        var text = t2v("a cat,", 4).text();

        assertThat(text).startsWith("a cat, ");
        assertThat(text.charAt("a cat, ".length())).isLowerCase();
        assertThat(text).doesNotContain(",.");
    }

    @Test
    void writesOneWellFormedParagraph() {
        for (String prompt : SAMPLE_PROMPTS) {
            for (long seed = 0; seed <= 40; seed++) {
                var text = t2v(prompt, seed).text();
                var added = text.substring(prompt.length());
                assertThat(text).as(text).doesNotContain("\n", "  ").endsWith(".");
                assertThat(added).as(text).doesNotContain(" ,", "..", " .", ",.", ";.", "; ;", ",,");
                assertThat(added).as(text).matches("[.]? [A-Z].*");
            }
        }
    }

    @Test
    void putsFramingAndMotionBeforeLightAndColour() {
        for (long seed = 0; seed <= 30; seed++) {
            var result = t2v("a cat", seed);
            var added = additions(result, "a cat");
            assertThat(result.added()).containsExactlyElementsOf(ALL_ASPECTS);
            assertThat(added).containsOnlyOnce(";").contains("camera");
            assertThat(added.indexOf("camera")).isLessThan(added.indexOf(';'));
        }
    }

    // Adding what is missing, and only that

    @Test
    void addsEveryAspectToABarePrompt() {
        for (long seed = 0; seed <= 20; seed++) {
            var result = t2v("a cat", seed);
            assertThat(result.added()).containsExactlyElementsOf(ALL_ASPECTS);
            assertThat(words(result.text())).isBetween(20, 70);
        }
    }

    @Test
    void addsNothingToAPromptThatAlreadyHasEverything() {
        var prompt = "Close-up of a woman on a balcony, the camera slowly pushes in as her hair drifts in the wind, "
                + "lit by warm golden hour sunlight, soft pastel palette with film grain";
        var result = t2v(prompt, 9);

        assertThat(result.text()).isEqualTo(prompt);
        assertThat(result.added()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Close-up of an old man's weathered hands", "Aerial drone shot of a winding coastline",
            "Low-angle shot of a skyscraper", "A wide shot of a herd of horses", "POV of a skier racing downhill"})
    void doesNotAddASecondShotType(String prompt) {
        for (long seed = 0; seed <= 50; seed++) {
            var result = t2v(prompt, seed);
            assertThat(result.added()).doesNotContain("shot_type").contains("camera_movement");
            assertThat(additions(result, prompt)).doesNotContain(" shot", "close-up", "aerial", "wide");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"The camera slowly pushes in on a cup of coffee", "A tracking shot of a horse galloping",
            "Handheld footage of a street parade", "a dog runs through a field, the camera PANNED to follow",
            "Crane shot over a stadium", "Slow zoom into a girl's eyes"})
    void doesNotAddASecondCameraMovement(String prompt) {
        for (long seed = 0; seed <= 50; seed++) {
            var result = t2v(prompt, seed);
            assertThat(result.added()).doesNotContain("camera_movement");
            assertThat(additions(result, prompt)).doesNotContain("camera");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"A lighthouse at sunset", "A candlelit dinner for two", "A neon-lit alley",
            "A backlit dancer on stage", "A forest at golden hour"})
    void doesNotAddLightingToALitScene(String prompt) {
        for (long seed = 0; seed <= 30; seed++) {
            assertThat(t2v(prompt, seed).added()).doesNotContain("lighting");
        }
    }

    @Test
    void recognisesMotionAndColourInAnyCaseAndInflection() {
        var motion = t2v("Tall trees, their leaves SWAYING as petals fluttered past", 1);
        var colour = t2v("A quiet harbour in muted pastel tones", 1);

        assertThat(motion.added()).doesNotContain("motion").contains("lighting");
        assertThat(colour.added()).doesNotContain("color_atmosphere").contains("motion");
    }

    @Test
    void matchesWholeWordsOnly() {
        var knight = additionsOverSeeds("A knight rests in a meadow", 60);
        var zoologist = t2v("A zoologist studies a beetle", 2);

        assertThat(knight).anyMatch(text -> text.contains("golden-hour") || text.contains("daylight"));
        assertThat(zoologist.added()).contains("camera_movement");
    }

    // Never contradicting the prompt

    @ParameterizedTest
    @ValueSource(strings = {"a fox crossing a snowy road at night", "A city street at midnight",
            "A moonlit lake", "A dark forest", "Fireflies over a pond at night"})
    void nightScenesNeverGetDaylight(String prompt) {
        assertThat(additionsOverSeeds(prompt, 200)).allSatisfy(text -> assertThat(text)
                .doesNotContain("golden", "sunlight", "sun ", "sun-", "midday", "daylight", "heat shimmer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A sunny morning at a busy farmers market", "Children play in a city park at noon",
            "A beach on a bright afternoon"})
    void dayScenesNeverGetNightLighting(String prompt) {
        assertThat(additionsOverSeeds(prompt, SEEDS)).allSatisfy(text -> assertThat(text)
                .doesNotContain("moon", "night", "neon", "candle", "streetlight", "stars", "low-key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A chef plates food in a restaurant kitchen", "Two friends talk in an office hallway",
            "A girl reads by the fireplace in the living room", "A bartender mixes a cocktail at the bar"})
    void indoorScenesGetNoAerialShotAndNoSkyLight(String prompt) {
        var all = additionsOverSeeds(prompt, SEEDS);

        assertThat(all).allSatisfy(text -> assertThat(text).doesNotContain(
                "aerial", "drone", "sun", "moon", "sky", "golden", "the wind", "breeze", "waves", "twilight", "cars"));
        assertThat(all).anyMatch(text -> text.contains("lamps") || text.contains("studio light")
                || text.contains("candlelight") || text.contains("window") || text.contains("firelight"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Extreme close-up of a dewdrop on a leaf", "Macro shot of an ant carrying a crumb",
            "Close-up of a woman's eyes"})
    void closeUpsNeverGetWideFraming(String prompt) {
        assertThat(additionsOverSeeds(prompt, SEEDS)).allSatisfy(text -> assertThat(text).doesNotContain(
                "wide", "aerial", "drone", "establishing", "surroundings", "crane", "across the sky"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A sea turtle glides underwater over a coral reef",
            "A diver explores a shipwreck on the seabed"})
    void underwaterScenesGetCausticsAndNoDustOrWind(String prompt) {
        var results = LongStream.rangeClosed(0, SEEDS).mapToObj(seed -> t2v(prompt, seed)).toList();

        assertThat(results).allSatisfy(result -> {
            var text = additions(result, prompt);
            assertThat(text).doesNotContain("dust", "the wind", "breeze", "sky", "golden", "moon", "aerial",
                    "drone", "air");
            assertThat(result.added()).contains("lighting");
            assertThat(text).contains("caustic");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"A lonely street in the rain", "A snowy mountain village",
            "A harbour in thick fog", "A cowboy rides through a thunderstorm"})
    void wetOrFoggyScenesNeverGetDryOrClearAir(String prompt) {
        assertThat(additionsOverSeeds(prompt, SEEDS)).allSatisfy(text -> assertThat(text).doesNotContain(
                "dust", "dry", "clear", "crisp", "midday", "heat shimmer", "sun-faded", "sand"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A marble statue in a museum", "A still life of pears on a wooden table",
            "A man sits motionless on a park bench", "A frozen waterfall in the mountains"})
    void stillSubjectsGetNoCameraMovement(String prompt) {
        var all = additionsOverSeeds(prompt, SEEDS);

        assertThat(all).allSatisfy(text -> assertThat(text).doesNotContain("dollies", "pans", "tilts", "zooms",
                "orbits", "crane", "tracks", "pushes", "pulls", "glides", "handheld", "gestures", "unhurried"));
        assertThat(all).anyMatch(text -> text.contains("locked-off") || text.contains("perfectly still"));
    }

    @Test
    void aLockedOffCameraStaysLockedOff() {
        for (long seed = 0; seed <= 50; seed++) {
            var result = t2v("A city skyline at dusk, static camera", seed);
            assertThat(result.added()).doesNotContain("camera_movement");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"A black and white film of a jazz band", "A sepia scene of a farmhouse at dawn",
            "Monochrome footage of a rainy street at night"})
    void monochromeScenesGetNoColourfulPalette(String prompt) {
        var results = LongStream.rangeClosed(0, SEEDS).mapToObj(seed -> t2v(prompt, seed)).toList();

        assertThat(results).allSatisfy(result -> {
            assertThat(result.added()).doesNotContain("color_atmosphere");
            assertThat(additions(result, prompt)).doesNotContain("neon", "amber", "teal", "pastel", "golden",
                    "magenta", "saturated", "vivid", "blue");
        });
    }

    @Test
    void additionsAgreeWithEachOther() {
        for (String prompt : List.of("a cat", "a girl on a rooftop", "an empty road")) {
            assertThat(additionsOverSeeds(prompt, 2 * SEEDS)).allSatisfy(text -> {
                if (text.contains("moonlight") || text.contains("neon") || text.contains("streetlight")) {
                    assertThat(text).doesNotContain("sun", "heat shimmer", "daylight");
                }
                if (text.contains("golden-hour")) {
                    assertThat(text).doesNotContain("moon", "neon", "blue-hour", "steely", "blue-white");
                }
                if (text.contains("midday")) {
                    assertThat(text).doesNotContain("moon", "neon", "blue-hour", "low-key");
                }
            });
        }
    }

    // Seeds

    @Test
    void theSameInputsAlwaysGiveTheSameResult() {
        var other = new OfflinePromptEnhancer();
        var expected = LongStream.rangeClosed(0, 100).mapToObj(seed -> t2v("A red fox at night", seed)).toList();

        var again = LongStream.rangeClosed(0, 100)
                .mapToObj(seed -> other.enhance("A red fox at night", EnhanceMode.T2V, null, seed, ROOMY)).toList();
        var concurrently = LongStream.rangeClosed(0, 100).parallel()
                .mapToObj(seed -> t2v("A red fox at night", seed)).toList();

        assertThat(again).isEqualTo(expected);
        assertThat(concurrently).isEqualTo(expected);
    }

    @Test
    void differentSeedsGiveVariety() {
        Set<String> texts = new HashSet<>();
        for (long seed = 0; seed <= 50; seed++) {
            texts.add(t2v("a cat", seed).text());
        }
        texts.add(t2v("a cat", Long.MIN_VALUE).text());
        texts.add(t2v("a cat", Long.MAX_VALUE).text());

        assertThat(texts).hasSizeGreaterThan(30);
    }

    // Word budget

    @ParameterizedTest
    @ValueSource(ints = {10, 20, 30, 200})
    void staysWithinTheWordBudget(int maxWords) {
        for (String prompt : SAMPLE_PROMPTS) {
            int limit = Math.max(maxWords, words(prompt));
            for (long seed = 0; seed <= 30; seed++) {
                var text = enhancer.enhance(prompt, EnhanceMode.T2V, null, seed, maxWords).text();
                var inImage = enhancer.enhance(prompt, EnhanceMode.I2V, "A wide view of the same scene", seed,
                        maxWords).text();
                assertThat(words(text)).as(text).isLessThanOrEqualTo(limit);
                assertThat(words(inImage)).as(inImage).isLessThanOrEqualTo(limit);
                assertThat(text).startsWith(prompt);
                assertThat(inImage).contains(prompt);
            }
        }
    }

    @Test
    void returnsAPromptThatFillsTheBudgetUnchanged() {
        var prompt = "A  red fox trots across a snowy road at night under the falling snow";
        var normalised = "A red fox trots across a snowy road at night under the falling snow";

        for (int maxWords : new int[] {14, 10, 1, 0}) {
            var result = enhancer.enhance(prompt, EnhanceMode.I2V, "a road", 1, maxWords);
            assertThat(result.text()).isEqualTo(normalised);
            assertThat(result.added()).isEmpty();
        }
    }

    @Test
    void addsAspectsInPriorityOrderWhenTheBudgetIsTight() {
        for (long seed = 0; seed <= 20; seed++) {
            int previous = 0;
            for (int maxWords = 3; maxWords <= 60; maxWords++) {
                var added = enhancer.enhance("a cat", EnhanceMode.T2V, null, seed, maxWords).added();
                assertThat(added).isEqualTo(ALL_ASPECTS.subList(0, added.size()));
                assertThat(added.size()).isGreaterThanOrEqualTo(previous);
                previous = added.size();
            }
            assertThat(previous).isEqualTo(ALL_ASPECTS.size());
        }
    }

    // Image to video

    @Test
    void i2vOpensWithTheCaptionThenThePrompt() {
        var caption = "a woman standing on a beach at sunset, wind in her hair";
        var prompt = "the woman slowly turns her head and smiles";

        for (long seed = 0; seed <= 30; seed++) {
            var result = i2v(prompt, caption, seed);
            assertThat(result.text()).startsWith("Starting from the reference image").contains(caption, prompt);
            assertThat(result.text().indexOf(caption)).isLessThan(result.text().indexOf(prompt));
            assertThat(result.added()).startsWith("image_context").doesNotContain("shot_type", "lighting");
        }
    }

    @Test
    void i2vFramesACapitalisedPromptAsItsOwnSentence() {
        var text = i2v("She turns toward the camera", "A young woman on a rainy city street at night.", 2).text();

        assertThat(text).startsWith(
                "Starting from the reference image: A young woman on a rainy city street at night. "
                        + "She turns toward the camera. ");
    }

    @Test
    void i2vKeepsCameraMovesGentle() {
        for (long seed = 0; seed <= SEEDS; seed++) {
            var result = i2v("the dog wags its tail", "a golden retriever sitting in a sunny garden", seed);
            assertThat(result.added()).doesNotContain("shot_type");
            assertThat(additions(result, "the dog wags its tail")).doesNotContain(
                    "orbit", "crane", "aerial", "drone", "tracks", "pulls back", "glides", " shot");
        }
    }

    @Test
    void i2vRespectsTheCaption() {
        var prompt = "the girl looks up and smiles";
        for (long seed = 0; seed <= SEEDS; seed++) {
            var result = i2v(prompt, "A girl on a snowy street at night", seed);
            assertThat(additions(result, prompt)).doesNotContain("golden", "sunlight", "daylight", "dust", "sun-");
        }
    }

    @Test
    void i2vWithoutACaptionAddsNoShotType() {
        for (String caption : new String[] {null, "   "}) {
            for (long seed = 0; seed <= 30; seed++) {
                var result = i2v("a paper boat drifts down a gutter", caption, seed);
                assertThat(result.text()).startsWith("a paper boat drifts down a gutter. ");
                assertThat(result.added()).doesNotContain("image_context", "shot_type").contains("lighting");
            }
        }
    }

    @Test
    void ignoresTheCaptionForT2v() {
        var result = enhancer.enhance("a cat", EnhanceMode.T2V, "a dog in the rain", 1, ROOMY);

        assertThat(result.text()).startsWith("a cat. ").doesNotContain("a dog in the rain");
        assertThat(result.added()).doesNotContain("image_context");
    }

    // Edge cases and the API

    @Test
    void aBlankPromptStaysBlank() {
        for (String prompt : new String[] {"", "   \n\t"}) {
            var result = t2v(prompt, 1);
            assertThat(result.text()).isEmpty();
            assertThat(result.added()).isEmpty();
        }
    }

    @Test
    void isFastEnoughForTheRequestPath() {
        for (int i = 0; i < 200; i++) {
            t2v(SAMPLE_PROMPTS.get(i % SAMPLE_PROMPTS.size()), i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            t2v(SAMPLE_PROMPTS.get(i % SAMPLE_PROMPTS.size()), i);
        }
        long perCallMicros = (System.nanoTime() - start) / 1000 / 1000;

        assertThat(perCallMicros).isLessThan(1000);
    }

    @Test
    void modesTravelAsLowerCaseNames() throws Exception {
        var json = new ObjectMapper();

        assertThat(json.writeValueAsString(EnhanceMode.I2V)).isEqualTo("\"i2v\"");
        assertThat(json.readValue("\"T2V\"", EnhanceMode.class)).isEqualTo(EnhanceMode.T2V);
        assertThat(EnhanceMode.from("I2v")).isEqualTo(EnhanceMode.I2V);
        assertThatThrownBy(() -> EnhanceMode.from("t2i")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnhanceMode.from(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
