package io.shotcraft.clips.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColorNamesTest {

    @ParameterizedTest
    @CsvSource({
            "#FF0000, red", "#00FF00, lime", "#0000FF, blue", "#00FFFF, cyan", "#FF00FF, magenta",
            "#FFFF00, yellow", "#000000, black", "#FFFFFF, white", "#808080, gray", "#008080, teal",
            "#000080, navy", "#FFA500, orange", "#800080, purple", "#191970, midnight blue", "#00BFFF, deep sky blue",
            "#CC5500, burnt orange", "#36454F, charcoal"})
    void exactColoursHaveTheirOwnNames(String hex, String name) {
        assertThat(ColorNames.nearestName(hex)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({
            "#FF1493, deep pink", "#FF1590, deep pink", "#FE0101, red", "#01FEFE, cyan", "#7F7F7F, gray",
            "#050505, black", "#FEFEFE, white", "#1A1A2E, ink blue", "#E01030, crimson", "#0A0A80, navy"})
    void nearColoursGoToTheirNeighbour(String hex, String name) {
        assertThat(ColorNames.nearestName(hex)).isEqualTo(name);
    }

    @Test
    void acceptsShortFormsAnyCaseAndNoHash() {
        assertThat(ColorNames.nearestName("#F00")).isEqualTo("red");
        assertThat(ColorNames.nearestName("0ff")).isEqualTo("cyan");
        assertThat(ColorNames.nearestName("ff00ff")).isEqualTo("magenta");
        assertThat(ColorNames.nearestName(" #ffffff ")).isEqualTo("white");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "red", "#12345", "#1234567", "#GGGGGG", "##FF0000", "0x00FF00", "#FF 000"})
    void rejectsWhatIsNotAHexColour(String hex) {
        assertThatThrownBy(() -> ColorNames.nearestName(hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ColorNames.nearestName(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distanceIsCiede2000() {
        // Sharma, Wu and Dalal's reference pairs.
        assertThat(ColorNames.deltaE2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}))
                .isCloseTo(2.0425, within(1e-4));
        assertThat(ColorNames.deltaE2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}))
                .isCloseTo(27.1492, within(1e-4));
        assertThat(ColorNames.deltaE2000(new double[] {2.0776, 0.0795, -1.135}, new double[] {0.9033, -0.0636, -0.5514}))
                .isCloseTo(0.9082, within(1e-4));
    }

    @Test
    void summarisesAPaletteInOrder() {
        assertThat(ColorNames.summarize(List.of("#00FFFF", "#FF00FF", "#1A1A2E")))
                .isEqualTo("cyan, magenta and ink blue color palette");
        assertThat(ColorNames.summarize(List.of("#FF0000", "#808080"))).isEqualTo("red and gray color palette");
        assertThat(ColorNames.summarize(List.of("#000000"))).isEqualTo("black color palette");
        assertThat(ColorNames.summarize(List.of("#000000", "#0A0A0A"))).isEqualTo("black and jet black color palette");
    }

    @Test
    void qualifiesAPaletteByItsFeel() {
        assertThat(ColorNames.summarize(List.of("#00FFFF", "#FF00FF"))).isEqualTo("neon cyan and magenta color palette");
        assertThat(ColorNames.summarize(List.of("#FFD1DC", "#E6E6FA"))).startsWith("pastel ");
        assertThat(ColorNames.summarize(List.of("#1A1A2E", "#2F4F4F", "#3B0A0A"))).startsWith("dark ");
        assertThat(ColorNames.summarize(List.of("#8B8178", "#9CAF88", "#C9A9A6"))).startsWith("muted ");
        // A name that already says it is not qualified again.
        assertThat(ColorNames.summarize(List.of("#8B0000", "#00008B"))).isEqualTo("dark red and dark blue color palette");
    }

    @Test
    void dedupesNamesAndKeepsAtMostFour() {
        assertThat(ColorNames.summarize(List.of("#FF0000", "#FE0000", "#F00", "#00FFFF")))
                .isEqualTo("neon red and cyan color palette");
        assertThat(ColorNames.summarize(List.of("#FF0000", "#00FF00", "#0000FF", "#FFFF00", "#FF00FF", "#00FFFF")))
                .isEqualTo("neon red, lime, blue and yellow color palette");
    }

    @Test
    void skipsInvalidEntriesAndGivesNothingForNothing() {
        assertThat(ColorNames.summarize(Arrays.asList("oops", null, "#00F", "#12"))).isEqualTo("blue color palette");
        assertThat(ColorNames.summarize(List.of("not a colour"))).isEmpty();
        assertThat(ColorNames.summarize(List.of())).isEmpty();
        assertThat(ColorNames.summarize(null)).isEmpty();
    }
}
