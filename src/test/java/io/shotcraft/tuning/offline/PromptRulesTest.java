package io.shotcraft.tuning.offline;

import static io.shotcraft.tuning.offline.OfflineEditInterpreterTest.KITCHEN;
import static io.shotcraft.tuning.offline.OfflineEditInterpreterTest.KITCHEN_PARAMETERS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.ParameterList;
import io.shotcraft.tuning.ParameterUpdate;

class PromptRulesTest {

    /** The design's kitchen parameters after its first edit. */
    private static final List<Parameter> BLUE_BAKING = ParameterList.apply(KITCHEN_PARAMETERS,
            List.of(ParameterUpdate.set("subject", "blue robot"), ParameterUpdate.set("subject_action", "baking a cake")));

    @Test
    void aPromptThatMatchesItsParametersFollowsTheRules() {
        assertThat(PromptRules.violations(KITCHEN, KITCHEN_PARAMETERS, KITCHEN_PARAMETERS)).isEmpty();
    }

    @Test
    void theDesignsOwnRegeneratedPromptFollowsTheRules() {
        String designs = "The blue robot is baking a cake in a kitchen. Steam rises from a simmering pot as the robot "
                + "measures ingredients on a worn wooden cutting board. Copper pans hang from an overhead rack, catching "
                + "glints of afternoon light, while a well-loved cast iron skillet sits on the stovetop next to scattered "
                + "measuring spoons and a half-empty bottle of olive oil.";

        assertThat(PromptRules.violations(designs, KITCHEN_PARAMETERS, BLUE_BAKING)).isEmpty();
    }

    @Test
    void aPromptThatLostValuesOrKeptOldOnesBreaksTheRules() {
        String lossy = "The blue robot is baking a cake at dawn while the robot chops vegetables.";

        assertThat(PromptRules.violations(lossy, KITCHEN_PARAMETERS, BLUE_BAKING))
                .contains("The prompt does not mention location \"kitchen\"",
                        "The prompt does not mention prop_4 \"cast iron skillet\"",
                        "The prompt still mentions the replaced subject_action \"chops vegetables\"")
                .hasSize(10);
    }

    @Test
    void everyPartOfACompositeValueMustBeThere() {
        var parameters = List.of(new Parameter("subject_action", "cooking food, chops vegetables"));

        assertThat(PromptRules.violations("A robot is cooking food.", parameters, parameters))
                .containsExactly("The prompt does not mention subject_action \"chops vegetables\"");
    }

    @Test
    void aRemovedValueMustBeGone() {
        var after = ParameterList.apply(KITCHEN_PARAMETERS, List.of(ParameterUpdate.remove("prop_4")));

        assertThat(PromptRules.violations(KITCHEN, KITCHEN_PARAMETERS, after))
                .containsExactly("The prompt still mentions the removed prop_4 \"cast iron skillet\"");
    }

    @Test
    void anOldPhraseThatIsStillPartOfACurrentValueMayStay() {
        var after = ParameterList.apply(KITCHEN_PARAMETERS, List.of(ParameterUpdate.set("time_of_day", "dusk")));

        assertThat(PromptRules.violations(KITCHEN + " It is dusk.", KITCHEN_PARAMETERS, after)).isEmpty();
    }

    @Test
    void aPromptIsOneParagraphOfText() {
        assertThat(PromptRules.violations("  ", KITCHEN_PARAMETERS, KITCHEN_PARAMETERS)).containsExactly("The prompt is empty");
        assertThat(PromptRules.violations(null, KITCHEN_PARAMETERS, KITCHEN_PARAMETERS)).containsExactly("The prompt is empty");
        assertThat(PromptRules.violations(KITCHEN.replace(". Steam", ".\n\nSteam"), KITCHEN_PARAMETERS, KITCHEN_PARAMETERS))
                .containsExactly("The prompt is more than one paragraph");
    }

    @ParameterizedTest(name = "\"{0}\" mentions \"{1}\": {2}")
    @CsvSource(delimiter = '|', textBlock = """
            The Teal Robot waves.                  | teal robot          | true
            A copper pan hangs.                    | copper pans         | true
            The robot bakes a cake.                | baking a cake       | true
            The robot is chopping vegetables.      | chops vegetables    | true
            a half empty bottle of olive oil       | half-empty bottle   | true
            a close up of a hand                   | close-up            | true
            The robot's arm moves.                 | robot               | true
            A control panel glows.                 | pan                 | false
            The teal, robot waves.                 | teal robot          | false
            A robot waits.                         | teal robot          | false
            A steamy kitchen.                      | steam               | false
            """)
    void mentionsAreWholeWordsIgnoringCaseAndEndings(String text, String phrase, boolean mentioned) {
        assertThat(Mentions.mentions(text, phrase)).isEqualTo(mentioned);
    }
}
