package io.shotcraft.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.shotcraft.parameters.Parameter;
import io.shotcraft.parameters.offline.OfflineParameterExtractor;

class MentionsTest {

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
        assertThat(Mentions.mentions(KITCHEN, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blue robot", "robot teal", "pan copper", "oven", "kitchens sink", "rob", "ant",
            "teal  robot cooks", "cutting boards wooden"})
    void doesNotFindWhatTheTextDoesNotSay(String value) {
        assertThat(Mentions.mentions(KITCHEN, value)).isFalse();
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(Mentions.mentions("A panorama of the city", "pan")).isFalse();
        assertThat(Mentions.mentions("concatenate the strings", "cat")).isFalse();
        assertThat(Mentions.mentions("a cat's whiskers", "cat")).isTrue();
        assertThat(Mentions.mentions("the catwalk", "cat walk")).isFalse();
    }

    @Test
    void requiresEveryPartOfACompositeValue() {
        assertThat(Mentions.mentions(KITCHEN, "cooking food, chops vegetables")).isTrue();
        assertThat(Mentions.mentions(KITCHEN, "cooking food,chops vegetables,")).isTrue();
        assertThat(Mentions.mentions(KITCHEN, "cooking food, baking a cake")).isFalse();
    }

    @Test
    void ignoresPunctuationAndHyphens() {
        assertThat(Mentions.mentions("A close-up of her face", "close up")).isTrue();
        assertThat(Mentions.mentions("A close up of her face", "close-up")).isTrue();
        assertThat(Mentions.mentions("a half-empty bottle of olive oil", "half-empty bottle")).isTrue();
        assertThat(Mentions.mentions("Lit by neon (pink and blue).", "pink and blue")).isTrue();
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
        assertThat(Mentions.mentions(text, value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", ",", " , ,", "...", "—"})
    void mentionsNoBlankValue(String value) {
        assertThat(Mentions.mentions(KITCHEN, value)).isFalse();
    }

    @Test
    void findsNothingInANullOrEmptyText() {
        assertThat(Mentions.mentions(null, "robot")).isFalse();
        assertThat(Mentions.mentions("", "robot")).isFalse();
    }

    @Test
    void readsNonLatinScripts() {
        assertThat(Mentions.mentions("Ein Hund läuft über eine Wiese", "über eine Wiese")).isTrue();
        assertThat(Mentions.mentions("一只猫 在雨中", "在雨中")).isTrue();
    }

    @Test
    void findsEveryValueTheExtractorTakesFromAPrompt() {
        for (Parameter parameter : new OfflineParameterExtractor().extract(KITCHEN)) {
            assertThat(Mentions.mentions(KITCHEN, parameter.value())).as(parameter.name()).isTrue();
        }
    }

    @Test
    void splitsAValueOnCommasAndSemicolonsAlike() {
        assertThat(Mentions.mentions(KITCHEN, "cooking food; chops vegetables")).isTrue();
        assertThat(Mentions.mentions(KITCHEN, "cooking food; baking a cake")).isFalse();
    }

    @Test
    void punctuationBetweenTheWordsOfAPhraseBreaksIt() {
        assertThat(Mentions.mentions("The teal, robot waves.", "teal robot")).isFalse();
        assertThat(Mentions.mentions("The teal robot waves.", "teal robot")).isTrue();
    }
}
