package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.shotcraft.parameters.offline.OfflineParameterExtractor;

/**
 * The SD group's variants written offline in their own styles (the {@code style} option groups.json gives each):
 * tags with the subject weighted (SD_A), a sentence and a style tag (SD_B), the subject and style in under 30 words
 * (SD_C); each obeys the rules, and the same input gives the same prompt.
 */
class StableDiffusionStylesTest {

    private final ModelRules rules = Rulebook.rules("stable_diffusion", new ModelLimits(2000, 225), StandInTokens::count);
    private final OfflineParameterExtractor extractor = new OfflineParameterExtractor();

    private static final List<String> SOURCES = List.of(
            "A lone samurai walks through a bamboo forest at dawn, mist drifting between the stalks, soft golden light",
            "an old fisherman mending nets on a wooden pier at sunset, watercolor style",
            "neon city street in the rain at night, cyberpunk, reflections on wet asphalt, low angle",
            "cat",
            "Un perro labrador corre por la playa al atardecer");

    private TargetPrompt write(String source, String style) {
        return rules.offline(source, extractor.extract(source), new TargetOptions(null, null, null, Map.of("style", style)));
    }

    @Test
    void eachStyleObeysTheRulesAndIsStable() {
        for (var source : SOURCES) {
            for (var style : List.of("tags", "sentences", "minimal")) {
                var written = write(source, style);
                assertThat(rules.violations(written)).as("%s / %s: %s", style, source, written.prompt()).isEmpty();
                assertThat(write(source, style)).isEqualTo(written);
            }
        }
    }

    @Test
    void theStylesDifferAsTheirInstructionsSay() {
        var source = SOURCES.getFirst();
        var tags = write(source, "tags").prompt();
        var sentences = write(source, "sentences").prompt();
        var minimal = write(source, "minimal").prompt();
        assertThat(tags).startsWith("masterpiece, best quality, (").contains(":1.2)");
        assertThat(sentences).doesNotContain("masterpiece").doesNotContain(":1.2").contains("samurai");
        assertThat(minimal.split("\\s+").length).isLessThanOrEqualTo(30);
        assertThat(minimal).contains("samurai").doesNotContain("masterpiece");
        assertThat(List.of(tags, sentences, minimal)).doesNotHaveDuplicates();
    }

    @Test
    void anUnknownStyleIsRefusedNamingIt() {
        assertThatThrownBy(() -> write("cat", "poem")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("style").hasMessageContaining("minimal");
    }
}
