package io.shotcraft.tuning.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.shotcraft.tuning.Parameter;

class OfflineTextTest {

    private static final String KITCHEN = "The teal robot is cooking food in a kitchen. Steam rises from a simmering "
            + "pot as the robot chops vegetables on a worn wooden cutting board. Copper pans hang from an overhead "
            + "rack, catching glints of afternoon light.";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "teal robot",
            "TEAL ROBOT",
            "Teal Robot",
            "kitchen",
            "worn wooden cutting board",
            "glints of afternoon light",
            "copper pans",
            "copper pan",
            "chop vegetables",
            "chopping vegetables",
            "chopped vegetable",
            "cook food",
            "cooked food",
            "steam rising",
            "simmering pots",
            "afternoon light.",
            "  kitchen  "})
    void findsAPhraseWhateverItsCaseAndSimpleInflection(String value) {
        assertThat(OfflineText.mentions(KITCHEN, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blue robot", "robot teal", "pan copper", "oven", "kitchens sink", "rob", "ant",
            "teal  robot cooks", "cutting boards wooden"})
    void doesNotFindWhatTheTextDoesNotSay(String value) {
        assertThat(OfflineText.mentions(KITCHEN, value)).isFalse();
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(OfflineText.mentions("A panorama of the city", "pan")).isFalse();
        assertThat(OfflineText.mentions("concatenate the strings", "cat")).isFalse();
        assertThat(OfflineText.mentions("a cat's whiskers", "cat")).isTrue();
        assertThat(OfflineText.mentions("the catwalk", "cat walk")).isFalse();
    }

    @Test
    void requiresEveryPartOfACompositeValue() {
        assertThat(OfflineText.mentions(KITCHEN, "cooking food, chops vegetables")).isTrue();
        assertThat(OfflineText.mentions(KITCHEN, "cooking food,chops vegetables,")).isTrue();
        assertThat(OfflineText.mentions(KITCHEN, "cooking food, baking a cake")).isFalse();
    }

    @Test
    void ignoresPunctuationAndHyphens() {
        assertThat(OfflineText.mentions("A close-up of her face", "close up")).isTrue();
        assertThat(OfflineText.mentions("A close up of her face", "close-up")).isTrue();
        assertThat(OfflineText.mentions("a half-empty bottle of olive oil", "half-empty bottle")).isTrue();
        assertThat(OfflineText.mentions("Lit by neon (pink and blue).", "pink and blue")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "cities at night, city",
            "a city at night, cities",
            "two boxes, box",
            "the glasses, glass",
            "she dances, dancing",
            "he danced, dance",
            "the child flies a kite, flying a kite",
            "running through the rain, runs through the rain",
            "the bells ring, bell rings"})
    void toleratesPluralsAndVerbForms(String text, String value) {
        assertThat(OfflineText.mentions(text, value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ",", " , ,", "...", "—"})
    void mentionsNoBlankValue(String value) {
        assertThat(OfflineText.mentions(KITCHEN, value)).isFalse();
    }

    @Test
    void findsNothingInANullOrEmptyText() {
        assertThat(OfflineText.mentions(null, "robot")).isFalse();
        assertThat(OfflineText.mentions("", "robot")).isFalse();
    }

    @Test
    void readsNonLatinScripts() {
        assertThat(OfflineText.mentions("Ein Hund läuft über eine Wiese", "über eine Wiese")).isTrue();
        assertThat(OfflineText.mentions("一只猫 在雨中", "在雨中")).isTrue();
    }

    @Test
    void findsEveryValueTheExtractorTakesFromAPrompt() {
        for (Parameter parameter : new OfflineParameterExtractor().extract(KITCHEN)) {
            assertThat(OfflineText.mentions(KITCHEN, parameter.value())).as(parameter.name()).isTrue();
        }
    }
}
