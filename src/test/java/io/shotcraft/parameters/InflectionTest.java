package io.shotcraft.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InflectionTest {

    @Test
    void formsCoverRegularEndingsAndIrregularPlurals() {
        assertThat(Inflection.forms("drift")).contains("drifts", "drifted", "drifting");
        assertThat(Inflection.forms("bake")).contains("bakes", "baked", "baking");
        assertThat(Inflection.forms("dolly")).contains("dollies", "dollied");
        assertThat(Inflection.forms("pan")).contains("pans", "panned", "panning");
        assertThat(Inflection.forms("man")).contains("men");
    }

    @Test
    void aFinalEAfterAVowelStays() {
        assertThat(Inflection.forms("bee")).contains("bees").doesNotContain("being");
    }

    @Test
    void formsAreExactWhereTheStemWouldCollide() {
        assertThat(Inflection.forms("evening")).doesNotContain("even");
        assertThat(Inflection.forms("stag")).doesNotContain("stage");
        assertThat(Mentions.stem("even")).isEqualTo(Mentions.stem("evening"));
    }

    @Test
    void undoesPluralsAndVerbEndings() {
        assertThat(Inflection.singulars("men")).startsWith("man");
        assertThat(Inflection.singulars("berries")).contains("berry");
        assertThat(Inflection.singulars("knives")).contains("knife");
        assertThat(Inflection.verbBases("chopping")).contains("chop");
        assertThat(Inflection.verbBases("tries")).contains("try");
    }

    @Test
    void tellsPlurals() {
        assertThat(Inflection.plural("pans")).isTrue();
        assertThat(Inflection.plural("mice")).isTrue();
        assertThat(Inflection.plural("police")).isTrue();
        assertThat(Inflection.plural("glass")).isFalse();
        assertThat(Inflection.plural("cactus")).isFalse();
    }
}
