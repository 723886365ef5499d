package io.shotcraft.tuning.offline;

import static io.shotcraft.tuning.offline.OfflineEditInterpreterTest.FIRST_EDIT;
import static io.shotcraft.tuning.offline.OfflineEditInterpreterTest.KITCHEN;
import static io.shotcraft.tuning.offline.OfflineEditInterpreterTest.KITCHEN_PARAMETERS;
import static io.shotcraft.tuning.offline.OfflineEditInterpreterTest.SECOND_EDIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.ParameterList;
import io.shotcraft.tuning.ParameterUpdate;

class OfflinePromptWriterTest {

    private static final String[] KITCHEN_SENTENCES = {
            "The teal robot is cooking food in a kitchen.",
            "Steam rises from a simmering pot as the robot chops vegetables on a worn wooden cutting board.",
            "Copper pans hang from an overhead rack, catching glints of afternoon light, while a well-loved cast iron "
                    + "skillet sits on the stovetop next to scattered measuring spoons and a half-empty bottle of olive oil."};

    static final String BEACH = "A golden retriever runs along a sandy beach at sunset, kicking up sprays of water. "
            + "Seagulls circle overhead while waves crash against a rocky pier. A red frisbee lies half-buried in the sand "
            + "beside a striped umbrella, a wicker basket, and a pair of flip-flops. Slow-motion tracking shot, warm golden "
            + "light.";
    static final List<Parameter> BEACH_PARAMETERS = List.of(
            new Parameter("subject", "golden retriever"),
            new Parameter("subject_action", "runs along a sandy beach, kicking up sprays of water"),
            new Parameter("location", "sandy beach"),
            new Parameter("time_of_day", "sunset"),
            new Parameter("secondary_subject", "seagulls"),
            new Parameter("prop_1", "rocky pier"),
            new Parameter("prop_2", "red frisbee"),
            new Parameter("prop_3", "striped umbrella"),
            new Parameter("prop_4", "wicker basket"),
            new Parameter("prop_5", "pair of flip-flops"),
            new Parameter("camera", "slow-motion tracking shot"),
            new Parameter("lighting", "warm golden light"));

    private final OfflineEditInterpreter interpreter = new OfflineEditInterpreter();
    private final OfflinePromptWriter writer = new OfflinePromptWriter();

    /** A prompt and its parameters after an edit. */
    private record Edited(String prompt, List<Parameter> parameters) {
    }

    private Edited edit(String prompt, List<Parameter> before, String request) {
        var plan = interpreter.interpret(before, request).orElseThrow();
        var after = ParameterList.apply(before, plan.updates());
        var regenerated = writer.regenerate(prompt, before, after);
        assertThat(PromptRules.violations(regenerated, before, after)).as(regenerated).isEmpty();
        assertWellFormed(regenerated);
        return new Edited(regenerated, after);
    }

    private Edited kitchen(String request) {
        return edit(KITCHEN, KITCHEN_PARAMETERS, request);
    }

    private Edited beach(String request) {
        return edit(BEACH, BEACH_PARAMETERS, request);
    }

    private String write(List<Parameter> before, List<ParameterUpdate> updates) {
        var after = ParameterList.apply(before, updates);
        var regenerated = writer.regenerate(KITCHEN, before, after);
        assertThat(PromptRules.violations(regenerated, before, after)).as(regenerated).isEmpty();
        assertWellFormed(regenerated);
        return regenerated;
    }

    private static void assertWellFormed(String prompt) {
        assertThat(prompt).doesNotContain("  ").doesNotContain(" ,").doesNotContain(" .").doesNotContain(",,")
                .doesNotContain("..").doesNotContain(", .").doesNotContainPattern("\\R").matches("^\\p{Lu}.*[.!?]$")
                .doesNotContainPattern("[.!?] \\p{Ll}").doesNotContainPattern("\\ban [bcdfgjklmnpqrstvwxz]")
                .doesNotContainPattern("\\ba [aeio]");
    }

    // The design's flow

    @Test
    void theDesignsFirstEditRewritesOnlyTheSubjectAndItsAction() {
        var edited = kitchen(FIRST_EDIT);

        assertThat(edited.prompt()).isEqualTo("The blue robot is baking a cake in a kitchen. Steam rises from a simmering "
                + "pot as the robot works at a worn wooden cutting board. " + KITCHEN_SENTENCES[2]);
        assertThat(edited.prompt()).contains("blue robot", "baking a cake", "simmering pot", "worn wooden cutting board",
                "Copper pans", "cast iron skillet", "measuring spoons", "half-empty bottle of olive oil",
                "glints of afternoon light", "kitchen")
                .doesNotContain("teal").doesNotContain("cooking food").doesNotContain("chops vegetables");
    }

    @Test
    void theDesignsSecondEditPutsTheStandMixerWhereTheSkilletWas() {
        var first = kitchen(FIRST_EDIT);

        var second = edit(first.prompt(), first.parameters(), SECOND_EDIT);

        assertThat(second.prompt()).isEqualTo("The blue robot is baking a cake in a kitchen. Steam rises from a simmering "
                + "pot as the robot works at a worn wooden cutting board. Copper pans hang from an overhead rack, catching "
                + "glints of afternoon light, while a stand mixer sits on the stovetop next to scattered measuring spoons "
                + "and a half-empty bottle of olive oil.");
        assertThat(second.prompt()).doesNotContain("skillet").doesNotContain("well-loved");
    }

    @Test
    void textAboutUntouchedParametersStaysByteForByte() {
        assertThat(kitchen("remove the measuring spoons").prompt())
                .startsWith(KITCHEN_SENTENCES[0] + " " + KITCHEN_SENTENCES[1] + " ");
        assertThat(kitchen("make the robot blue").prompt()).endsWith(KITCHEN_SENTENCES[1] + " " + KITCHEN_SENTENCES[2]);
        assertThat(kitchen("with a dolly in").prompt()).isEqualTo(KITCHEN + " The camera dollies in.");
    }

    // Removing

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            remove the measuring spoons | sits on the stovetop next to a half-empty bottle of olive oil.
            remove the olive oil        | sits on the stovetop next to scattered measuring spoons.
            remove the skillet          | while scattered measuring spoons and a half-empty bottle of olive oil sit on the stovetop.
            remove the pot              | Steam rises as the robot chops vegetables on a worn wooden cutting board.
            remove the cutting board    | Steam rises from a simmering pot as the robot chops vegetables. Copper
            remove the kitchen          | The teal robot is cooking food. Steam
            remove the lighting         | Copper pans hang from an overhead rack, while a well-loved cast iron skillet
            """)
    void aRemovedValueGoesWithTheWordsThatDependOnIt(String request, String expected) {
        assertThat(kitchen(request).prompt()).contains(expected);
    }

    @Test
    void aRemovedSubjectOfTheMainClauseTakesItsParticipleAlongAndTheLostLightingComesBack() {
        var prompt = kitchen("remove the copper pans").prompt();

        assertThat(prompt).isEqualTo(KITCHEN_SENTENCES[0] + " " + KITCHEN_SENTENCES[1] + " A well-loved cast iron skillet "
                + "sits on the stovetop next to scattered measuring spoons and a half-empty bottle of olive oil. "
                + "The scene is lit by glints of afternoon light.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            remove the umbrella    | beside a wicker basket and a pair of flip-flops.
            remove the basket      | beside a striped umbrella and a pair of flip-flops.
            remove the flip-flops  | beside a striped umbrella and a wicker basket.
            remove the frisbee     | A striped umbrella, a wicker basket, and a pair of flip-flops lie half-buried in the sand.
            remove the seagulls    | kicking up sprays of water. Waves crash against a rocky pier.
            """)
    void aListKeepsItsCommasRight(String request, String expected) {
        assertThat(beach(request).prompt()).contains(expected);
    }

    @Test
    void removingAnActionNeutralisesItWhereItsClauseCarriesOtherThings() {
        var prompt = kitchen("remove the action").prompt();

        assertThat(prompt).startsWith("The teal robot is working in a kitchen. Steam rises from a simmering pot as the "
                + "robot works at a worn wooden cutting board.");
    }

    // Changing

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            replace the copper pans with a wok  | A wok hangs from an overhead rack
            swap the pot for an oven            | Steam rises from an oven as the robot
            make it a cat                       | The cat is cooking food in a kitchen. Steam rises from a simmering pot as the cat
            move it to a beach                  | The teal robot is cooking food on a beach.
            make the pot red                    | Steam rises from a red simmering pot
            replace the skillet with two woks   | while two woks sit on the stovetop
            make it night                       | catching glints of moonlight, while
            """)
    void aChangedValueKeepsTheSentenceGrammatical(String request, String expected) {
        assertThat(kitchen(request).prompt()).contains(expected);
    }

    @Test
    void nightRewritesTheLightingAndSaysItIsNight() {
        assertThat(kitchen("make it night").prompt()).isEqualTo(KITCHEN_SENTENCES[0] + " " + KITCHEN_SENTENCES[1]
                + " Copper pans hang from an overhead rack, catching glints of moonlight, while a well-loved cast iron "
                + "skillet sits on the stovetop next to scattered measuring spoons and a half-empty bottle of olive oil. "
                + "It is night.");
    }

    @Test
    void aTimeOfDayInsideUntouchedLightingIsLeftThereAndTheNewOneSaidAtTheEnd() {
        var prompt = write(KITCHEN_PARAMETERS, List.of(ParameterUpdate.set("time_of_day", "dusk")));

        assertThat(prompt).isEqualTo(KITCHEN + " It is dusk.");
    }

    @Test
    void aValueTheExtractorParaphrasedIsReplacedWhereItsWordsAre() {
        var before = List.of(new Parameter("subject", "teal robot"), new Parameter("prop_1", "simmering pot with steam"));
        var after = ParameterList.apply(before, List.of(ParameterUpdate.set("prop_1", "kettle")));

        var prompt = writer.regenerate(KITCHEN, before, after);

        assertThat(prompt).contains("Steam rises from a kettle as the robot");
    }

    // Adding

    @Test
    void anAddedPropJoinsTheLastListOfProps() {
        var first = kitchen("add a stand mixer");
        var second = edit(first.prompt(), first.parameters(), "add an egg timer");

        assertThat(first.prompt())
                .endsWith("next to scattered measuring spoons, a half-empty bottle of olive oil, and a stand mixer.");
        assertThat(second.prompt()).endsWith("a half-empty bottle of olive oil, a stand mixer, and an egg timer.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            make it rain                  | Rain falls.
            add some fog                  | Fog hangs in the air.
            use a close-up                | Filmed as a close-up.
            make it a wide shot           | Filmed as a wide shot.
            with a dolly in               | The camera dollies in.
            make it anime                 | Rendered in anime style.
            in the style of Studio Ghibli | Rendered in Studio Ghibli style.
            make it spooky                | The mood is spooky.
            """)
    void anAddedAspectIsAShortSentenceAtTheEnd(String request, String sentence) {
        assertThat(kitchen(request).prompt()).isEqualTo(KITCHEN + " " + sentence);
    }

    @Test
    void anAddedLightingOrPropWithoutAListGetsItsOwnSentence() {
        var before = List.of(new Parameter("subject", "red fox"), new Parameter("location", "snowy road"));
        var after = ParameterList.apply(before, List.of(ParameterUpdate.add("lighting", "warm candlelight"),
                ParameterUpdate.add("prop_1", "lantern")));

        var prompt = writer.regenerate("A red fox trots across a snowy road.", before, after);

        assertThat(prompt).isEqualTo("A red fox trots across a snowy road. The scene is lit by warm candlelight. "
                + "A lantern stands nearby.");
    }

    // Contract

    @Test
    void unchangedParametersGiveThePromptBack() {
        assertThat(writer.regenerate(KITCHEN, KITCHEN_PARAMETERS, KITCHEN_PARAMETERS)).isSameAs(KITCHEN);
    }

    @Test
    void theResultIsOneParagraph() {
        var prompt = writer.regenerate(KITCHEN.replace(". ", ".\n\n"), KITCHEN_PARAMETERS,
                ParameterList.apply(KITCHEN_PARAMETERS, List.of(ParameterUpdate.set("subject", "blue robot"))));

        assertThat(prompt).doesNotContainPattern("\\R").startsWith("The blue robot is cooking food in a kitchen. Steam");
    }

    @Test
    void regeneratingIsDeterministicAndSafeToShareBetweenThreads() throws Exception {
        var expected = kitchen(FIRST_EDIT).prompt();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var results = IntStream.range(0, 64).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                var plan = interpreter.interpret(KITCHEN_PARAMETERS, FIRST_EDIT).orElseThrow();
                return writer.regenerate(KITCHEN, KITCHEN_PARAMETERS, ParameterList.apply(KITCHEN_PARAMETERS, plan.updates()));
            }, pool)).toList();
            for (var result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
