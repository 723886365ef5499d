package io.shotcraft.tuning.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.Suggestion;

class OfflineSuggesterTest {

    private static final String KITCHEN = "The teal robot is cooking food in a kitchen. Steam rises from a simmering "
            + "pot as the robot chops vegetables on a worn wooden cutting board. Copper pans hang from an overhead "
            + "rack, catching glints of afternoon light, while a well-loved cast iron skillet sits on the stovetop "
            + "next to scattered measuring spoons and a half-empty bottle of olive oil.";
    private static final List<Parameter> KITCHEN_PARAMETERS = List.of(
            new Parameter("subject", "teal robot"),
            new Parameter("subject_action", "cooking food, chops vegetables"),
            new Parameter("location", "kitchen"),
            new Parameter("prop_1", "simmering pot with steam"),
            new Parameter("prop_2", "worn wooden cutting board"),
            new Parameter("prop_3", "copper pans on overhead rack"),
            new Parameter("prop_4", "cast iron skillet"),
            new Parameter("prop_5", "measuring spoons"),
            new Parameter("prop_6", "half-empty bottle of olive oil"),
            new Parameter("time_of_day", "afternoon"),
            new Parameter("lighting", "glints of afternoon light"));
    private static final List<String> PRIORITY = List.of("shot_type", "camera", "lighting", "time_of_day", "motion",
            "style", "color_palette", "atmosphere");
    private static final List<String> SAMPLE_PROMPTS = List.of(KITCHEN, "", "a cat",
            "A woman walks down a rain-soaked city street at night",
            "Close-up of an old woman's hands kneading dough on a kitchen table",
            "A diver explores a shipwreck on the seabed", "An astronaut floats in space above the Earth",
            "A herd of wild horses gallops across a vast prairie", "Snow-capped mountains above a misty valley",
            "A black-and-white shot of an old man smoking on a park bench", "一只猫在雨中的东京街头漫步。");

    private final OfflineSuggester suggester = new OfflineSuggester();

    private List<Suggestion> suggest(String prompt) {
        return suggester.suggest(prompt, List.of());
    }

    private static List<String> names(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::name).toList();
    }

    private static List<String> values(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> s.value().toLowerCase(Locale.ROOT)).toList();
    }

    private static String value(List<Suggestion> suggestions, String name) {
        return suggestions.stream().filter(s -> s.name().equals(name)).map(Suggestion::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " suggested in " + suggestions));
    }

    // The kitchen prompt of the design document

    @Test
    void kitchenGetsShotTypeAndCameraButNothingItsParametersCover() {
        var suggestions = suggester.suggest(KITCHEN, KITCHEN_PARAMETERS);

        assertThat(names(suggestions)).contains("shot_type", "camera").doesNotContain("time_of_day", "lighting");
        assertThat(values(suggestions)).noneMatch(v -> v.contains("aerial") || v.contains("drone"));
    }

    @Test
    void kitchenPromptAloneStillShowsItsTimeAndLight() {
        var suggestions = suggest(KITCHEN);

        assertThat(names(suggestions)).contains("shot_type", "camera")
                .doesNotContain("time_of_day", "lighting", "motion");
    }

    // Only what is missing

    @Test
    void promptThatNamesEveryAspectGetsNoSuggestions() {
        var prompt = "Wide establishing shot of a lighthouse on a rocky coast at golden hour; the camera slowly "
                + "dollies in as waves crash against the rocks below. Warm sunlight, cinematic photorealistic "
                + "style, a teal and orange colour palette and a hazy, atmospheric mood.";

        assertThat(suggest(prompt)).isEmpty();
    }

    @Test
    void promptThatNamesSomeAspectsGetsOnlyTheOthers() {
        var prompt = "Medium shot of a chef plating food, handheld camera, lit by warm tungsten lamps at night, "
                + "in a cinematic style with muted tones";

        assertThat(names(suggest(prompt))).doesNotContain("shot_type", "camera", "lighting", "time_of_day",
                "style", "color_palette");
    }

    @ParameterizedTest
    @ValueSource(strings = {"shot_type", "camera", "lighting", "time_of_day", "motion", "style", "color_palette",
            "atmosphere"})
    void neverSuggestsAnAspectAParameterCarries(String name) {
        var suggestions = suggester.suggest("a cat", List.of(new Parameter("subject", "cat"),
                new Parameter(name, "something")));

        assertThat(names(suggestions)).doesNotContain(name);
    }

    @Test
    void everythingPresentMeansNoSuggestions() {
        var parameters = new ArrayList<Parameter>();
        PRIORITY.forEach(name -> parameters.add(new Parameter(name, "given")));

        assertThat(suggester.suggest("a cat", parameters)).isEmpty();
    }

    @Test
    void blankOrNullParametersCountAsMissing() {
        var suggestions = suggester.suggest("a cat", Arrays.asList(new Parameter("shot_type", " "),
                new Parameter("camera", null), null));

        assertThat(names(suggestions)).contains("shot_type", "camera");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A fox crosses a road at night", "A lighthouse at dusk", "Kids play in a park at noon",
            "A moonlit lake", "Breakfast on a sunny balcony"})
    void theWordsOfThePromptCoverTheTimeOfDay(String prompt) {
        assertThat(names(suggest(prompt))).doesNotContain("time_of_day");
    }

    // Never contradicting the scene

    @ParameterizedTest
    @ValueSource(strings = {"A woman walks down a rain-soaked city street at night",
            "A lone taxi waits at an empty street corner at night", "A fox crosses a quiet road at midnight",
            "A family sits around a campfire at night in the forest"})
    void nightScenesNeverGetDaylight(String prompt) {
        var suggestions = suggest(prompt);

        assertThat(values(suggestions)).allSatisfy(v -> assertThat(v)
                .doesNotContain("golden", "sunlight", "daylight", "midday", "afternoon", "morning"));
        assertThat(value(suggestions, "lighting"))
                .containsAnyOf("moonlight", "neon", "streetlight", "firelight", "night");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Close-up of an old woman's hands kneading dough on a kitchen table",
            "A cat sleeps on a windowsill", "A cup of coffee on a desk in an office",
            "A man reads a book in a cozy living room at night"})
    void interiorsAndSmallSubjectsNeverGoAerialOrWide(String prompt) {
        assertThat(values(suggest(prompt))).allSatisfy(v -> assertThat(v)
                .doesNotContain("aerial", "drone", "fly-over", "wide", "establishing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A programmer types at a desk in a quiet office",
            "A man reads a book in a living room at night"})
    void interiorsGetWindowLightOrPracticalLamps(String prompt) {
        assertThat(value(suggest(prompt), "lighting")).containsAnyOf("window", "lamps");
    }

    @Test
    void underwaterGetsCausticLightAndNoTimeOfDay() {
        var suggestions = suggest("A diver explores a shipwreck on the seabed");

        assertThat(value(suggestions, "lighting")).contains("caustics");
        assertThat(names(suggestions)).doesNotContain("time_of_day");
        assertThat(values(suggestions)).noneMatch(v -> v.contains("breeze") || v.contains("drone"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rain|A fox crosses a road in the rain", "snow|A fox trots across a snowy field",
            "fog|An old fisherman stands on a foggy pier"})
    void weatherGetsMotionAndAtmosphereConsistentWithIt(String weatherAndPrompt) {
        String weather = weatherAndPrompt.substring(0, weatherAndPrompt.indexOf('|'));
        var suggestions = suggest(weatherAndPrompt.substring(weather.length() + 1));

        assertThat(value(suggestions, "motion")).contains(weather);
        assertThat(values(suggestions)).allSatisfy(v -> assertThat(v)
                .doesNotContain("clear air", "dry", "dust", "heat", "hard shadows"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A fox crosses a road in the rain", "An old fisherman stands on a foggy pier"})
    void rainAndFogNeverGetGoldenSunlight(String prompt) {
        var suggestions = suggest(prompt);

        assertThat(value(suggestions, "lighting")).contains("overcast");
        assertThat(values(suggestions)).noneMatch(v -> v.contains("golden"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A black-and-white shot of an old man smoking on a park bench",
            "A detective waits in a monochrome office at night"})
    void blackAndWhiteGetsNoColourfulSuggestion(String prompt) {
        var suggestions = suggest(prompt);

        assertThat(names(suggestions)).doesNotContain("color_palette");
        assertThat(values(suggestions)).allSatisfy(v -> assertThat(v).doesNotContain("golden", "amber", "neon",
                "magenta", "cyan", "teal", "green", "blue", "ochre", "colour"));
    }

    @Test
    void laterSuggestionsAgreeWithEarlierOnes() {
        var meadow = suggest("A fox trots through a meadow");
        var mountains = suggest("Snow-capped mountains above a misty valley");

        assertThat(value(meadow, "lighting")).contains("golden-hour");
        assertThat(value(meadow, "time_of_day")).isEqualTo("golden hour");
        assertThat(value(mountains, "lighting")).contains("overcast");
        assertThat(value(mountains, "time_of_day")).doesNotContain("golden");
    }

    // Shape of the result

    @Test
    void sameInputAlwaysGivesTheSameSuggestions() {
        var first = suggester.suggest(KITCHEN, KITCHEN_PARAMETERS);

        assertThat(new OfflineSuggester().suggest(KITCHEN, KITCHEN_PARAMETERS)).isEqualTo(first);
        assertThat(IntStream.range(0, 200).parallel().mapToObj(i -> suggester.suggest(KITCHEN, KITCHEN_PARAMETERS)))
                .allSatisfy(result -> assertThat(result).isEqualTo(first));
    }

    @Test
    void returnsAtMostSixInPriorityOrder() {
        assertThat(suggest("a cat")).hasSize(OfflineSuggester.MAX_SUGGESTIONS);
        for (String prompt : SAMPLE_PROMPTS) {
            var found = names(suggest(prompt));
            assertThat(found).as(prompt).hasSizeLessThanOrEqualTo(6).doesNotHaveDuplicates();
            assertThat(found).as(prompt).isSortedAccordingTo((a, b) -> PRIORITY.indexOf(a) - PRIORITY.indexOf(b));
        }
    }

    @Test
    void everySuggestionIsWellFormed() {
        for (String prompt : SAMPLE_PROMPTS) {
            assertThat(suggest(prompt)).as(prompt).allSatisfy(s -> {
                assertThat(s.name()).matches("[a-z]+(_[a-z]+)*").isIn(PRIORITY);
                assertThat(s.value()).isNotBlank();
                assertThat(s.reason()).isNotBlank().endsWith(".").doesNotContain(". ");
            });
        }
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> suggester.suggest(null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> suggester.suggest("a cat", null)).isInstanceOf(NullPointerException.class);
    }
}
