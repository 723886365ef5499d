package io.shotcraft.tuning.offline;

import static io.shotcraft.tuning.ParameterUpdate.add;
import static io.shotcraft.tuning.ParameterUpdate.remove;
import static io.shotcraft.tuning.ParameterUpdate.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.EditPlan;
import io.shotcraft.tuning.ParameterList;

class OfflineEditInterpreterTest {

    /** The design's kitchen prompt. */
    static final String KITCHEN = "The teal robot is cooking food in a kitchen. Steam rises from a simmering pot as the robot "
            + "chops vegetables on a worn wooden cutting board. Copper pans hang from an overhead rack, catching glints of "
            + "afternoon light, while a well-loved cast iron skillet sits on the stovetop next to scattered measuring spoons "
            + "and a half-empty bottle of olive oil.";

    /** Its parameters as the offline extractor reads them: verbatim phrases, in the order the prompt has them. */
    static final List<Parameter> KITCHEN_PARAMETERS = List.of(
            new Parameter("subject", "teal robot"),
            new Parameter("subject_action", "cooking food, chops vegetables"),
            new Parameter("location", "kitchen"),
            new Parameter("prop_1", "simmering pot"),
            new Parameter("prop_2", "worn wooden cutting board"),
            new Parameter("prop_3", "copper pans"),
            new Parameter("time_of_day", "afternoon"),
            new Parameter("lighting", "glints of afternoon light"),
            new Parameter("prop_4", "cast iron skillet"),
            new Parameter("prop_5", "measuring spoons"),
            new Parameter("prop_6", "half-empty bottle of olive oil"));

    static final String FIRST_EDIT = "Change the robot to blue and make it baking a cake instead";
    static final String SECOND_EDIT = "Remove the skillet and add a stand mixer";

    private final OfflineEditInterpreter interpreter = new OfflineEditInterpreter();

    private EditPlan plan(String request) {
        return plan(KITCHEN_PARAMETERS, request);
    }

    private EditPlan plan(List<Parameter> parameters, String request) {
        return interpreter.interpret(parameters, request).orElseThrow(() -> new AssertionError("not understood: " + request));
    }

    private List<Parameter> after(String request) {
        return ParameterList.apply(KITCHEN_PARAMETERS, plan(request).updates());
    }

    private static String valueOf(List<Parameter> parameters, String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::value).findFirst().orElse(null);
    }

    // The design's flow

    @Test
    void theDesignsFirstEditChangesColourAndActivity() {
        var plan = plan(FIRST_EDIT);

        assertThat(plan.updates()).containsExactly(set("subject", "blue robot"), set("subject_action", "baking a cake"));
        assertThat(plan.changes()).containsExactly("Changed robot color from teal to blue",
                "Changed activity from cooking food, chops vegetables to baking a cake");
    }

    @Test
    void theDesignsSecondEditPutsTheNewItemInTheRemovedOnesPlace() {
        var afterFirst = ParameterList.apply(KITCHEN_PARAMETERS, plan(FIRST_EDIT).updates());

        var plan = plan(afterFirst, SECOND_EDIT);

        assertThat(plan.updates()).containsExactly(set("prop_4", "stand mixer"));
        assertThat(plan.changes()).containsExactly("Replaced cast iron skillet with stand mixer");
        assertThat(ParameterList.apply(afterFirst, plan.updates())).extracting(Parameter::name)
                .containsExactlyElementsOf(KITCHEN_PARAMETERS.stream().map(Parameter::name).toList());
    }

    // Request forms

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Change the robot to blue                    | subject        | blue robot
            make the robot blue                         | subject        | blue robot
            Change the robot's color to light blue      | subject        | light blue robot
            replace teal with blue                      | subject        | blue robot
            make it red                                 | subject        | red robot
            make the robot giant                        | subject        | giant teal robot
            make the cutting board marble               | prop_2         | worn marble cutting board
            turn it into a dragon                       | subject        | dragon
            make it a cat instead                       | subject        | cat
            change the kitchen to a garage              | location       | garage
            move it to a beach                          | location       | beach
            set the lighting to warm, golden candlelight| lighting       | warm, golden candlelight
            lighting: warm candlelight                  | lighting       | warm candlelight
            set prop 3 to woks                          | prop_3         | woks
            prop 3: woks                                | prop_3         | woks
            replace the copper pans with a wok          | prop_3         | wok
            swap the pot for a kettle                   | prop_1         | kettle
            use a kettle instead of the pot             | prop_1         | kettle
            make it baking a cake instead               | subject_action | baking a cake
            have it bake a cake                         | subject_action | baking a cake
            change the action to dancing                | subject_action | dancing
            remove the chopping                         | subject_action | cooking food
            """)
    void readsTheCommonFormsOfAChange(String request, String name, String value) {
        var plan = plan(request);

        assertThat(plan.updates()).containsExactly(set(name, value));
        assertThat(plan.changes()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            make it rain                    | weather    | rain
            let it snow                     | weather    | snow
            add some fog                    | weather    | fog
            use a close-up                  | shot_type  | close-up
            make it a wide shot             | shot_type  | wide shot
            in the style of Studio Ghibli   | style      | Studio Ghibli style
            make it anime                   | style      | anime
            make it black and white         | style      | black and white
            with a dolly in                 | camera     | dolly in
            make it spooky                  | mood       | spooky
            """)
    void anAspectOfTheShotIsAddedUnderItsName(String request, String name, String value) {
        var plan = plan(request);

        assertThat(plan.updates()).containsExactly(add(name, value));
        assertThat(plan.changes()).containsExactly("Set " + OfflineEditNames.label(name) + " to " + value);
    }

    @Test
    void anAspectReusesTheNameThePromptAlreadyHas() {
        var parameters = List.of(new Parameter("subject", "fox"), new Parameter("camera_movement", "static shot"),
                new Parameter("atmosphere", "calm"));

        assertThat(plan(parameters, "with a dolly in").updates()).containsExactly(set("camera_movement", "dolly in"));
        assertThat(plan(parameters, "make it spooky").updates()).containsExactly(set("atmosphere", "spooky"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"make it night", "Make it night.", "at night", "set time of day to night",
            "change the time of day to night", "time of day: night"})
    void nightCarriesOverToTheLightingThatNamedTheAfternoon(String request) {
        var plan = plan(request);

        assertThat(plan.updates()).containsExactly(set("time_of_day", "night"), set("lighting", "glints of moonlight"));
        assertThat(plan.changes()).containsExactly("Changed time of day from afternoon to night",
                "Changed lighting from glints of afternoon light to glints of moonlight");
    }

    @Test
    void sunsetKeepsTheLightingsWordsAroundTheTime() {
        assertThat(plan("make it sunset").updates())
                .containsExactly(set("time_of_day", "sunset"), set("lighting", "glints of sunset light"));
    }

    @Test
    void addingLightSetsTheLightingInsteadOfAddingAProp() {
        var plan = plan("add warm candlelight");

        assertThat(plan.updates()).containsExactly(set("lighting", "warm candlelight"));
        assertThat(plan.changes()).containsExactly("Changed lighting from glints of afternoon light to warm candlelight");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"remove the skillet", "Please remove the cast iron skillet.", "delete the skillet",
            "drop the skillet", "get rid of the skillet", "no more skillet", "take out the skillet",
            "lose the iron skillet", "remove prop 4"})
    void readsTheCommonFormsOfARemoval(String request) {
        var plan = plan(request);

        assertThat(plan.updates()).containsExactly(remove("prop_4"));
        assertThat(plan.changes()).containsExactly("Removed cast iron skillet");
    }

    @Test
    void oneVerbCarriesOverToTheNextItems() {
        assertThat(plan("remove the pot, the spoons and the pans").updates())
                .containsExactly(remove("prop_1"), remove("prop_5"), remove("prop_3"));
        var added = plan("add a toaster and a kettle");
        assertThat(added.updates()).containsExactly(add("prop_7", "toaster"), add("prop_8", "kettle"));
        assertThat(added.changes()).containsExactly("Added toaster", "Added kettle");
    }

    @Test
    void anAddedPropTakesTheNextNumber() {
        var parameters = List.of(new Parameter("subject", "fox"), new Parameter("prop_2", "log"),
                new Parameter("prop_9", "stone"));

        assertThat(plan(parameters, "add a lantern").updates()).containsExactly(add("prop_10", "lantern"));
    }

    @Test
    void aChangedThingCarriesOverToValuesThatContainIt() {
        var parameters = List.of(new Parameter("subject", "golden retriever"),
                new Parameter("subject_action", "runs along a sandy beach, kicking up sprays of water"),
                new Parameter("location", "sandy beach"));

        assertThat(plan(parameters, "change the beach to a snowy field").updates()).containsExactly(
                set("location", "snowy field"),
                set("subject_action", "runs along a snowy field, kicking up sprays of water"));
    }

    // Not understood, not applicable

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"asdf qwerty", "what do you think?", "", "   ", "make it pop", "make it night and asdf",
            "remove", "add", "hello there"})
    void aRequestItCannotReadIsNotUnderstood(String request) {
        assertThat(interpreter.interpret(KITCHEN_PARAMETERS, request)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"remove the dragon", "change the dragon to red", "make the dragon blue",
            "Change the robot to teal", "add copper pans", "make it afternoon", "swap the unicorn for a horse"})
    void aRequestThatAppliesToNothingIsUnderstoodAndChangesNothing(String request) {
        assertThat(interpreter.interpret(KITCHEN_PARAMETERS, request)).contains(EditPlan.NOTHING);
    }

    @Test
    void theSameRequestAlwaysGivesTheSamePlanAndLeavesTheParametersAlone() {
        var parameters = new ArrayList<>(KITCHEN_PARAMETERS);

        var first = interpreter.interpret(parameters, FIRST_EDIT);
        var second = interpreter.interpret(parameters, FIRST_EDIT);

        assertThat(first).isEqualTo(second);
        assertThat(parameters).isEqualTo(KITCHEN_PARAMETERS);
        assertThat(valueOf(after(FIRST_EDIT), "subject")).isEqualTo("blue robot");
    }
}
