package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptionsAndRulebookTest {

    @ParameterizedTest
    @ValueSource(strings = {"16", "16:", ":9", "16.5:9", "0:1", "-16:9", "16x9", "a:b", "999999:1"})
    void anAspectRatioMustBeTwoPositiveWholeNumbers(String ratio) {
        assertThatThrownBy(() -> new TargetOptions(ratio, null, null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("aspect_ratio must be W:H");
    }

    @Test
    void seedAndDurationAreRangeChecked() {
        assertThatThrownBy(() -> new TargetOptions(null, -1L, null, Map.of())).hasMessageStartingWith("seed");
        assertThatThrownBy(() -> new TargetOptions(null, 4_294_967_296L, null, Map.of())).hasMessageStartingWith("seed");
        assertThatThrownBy(() -> new TargetOptions(null, null, 0, Map.of())).hasMessageStartingWith("duration_seconds");
        assertThatThrownBy(() -> new TargetOptions(null, null, null, Map.of("motion", " ")))
                .hasMessageContaining("'motion' needs a value");
        assertThat(new TargetOptions("21:9", 0L, 12, null).extra()).isEmpty();
    }

    @Test
    void aTargetPromptTakesOnlySimpleParameterValues() {
        assertThatThrownBy(() -> new TargetPrompt("x", null, Map.of("list", List.of(1)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'list'");
        var prompt = new TargetPrompt("x", null, null, null);
        assertThat(prompt.negativePrompt()).isEmpty();
        assertThat(prompt.parameters()).isEmpty();
        assertThat(prompt.warnings()).isEmpty();
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ModelLimits(0, null)).hasMessageStartingWith("max_chars");
        assertThatThrownBy(() -> new ModelLimits(10, 0)).hasMessageStartingWith("max_tokens");
    }

    @Test
    void theRulebookKnowsEveryNameAndRefusesOthers() {
        assertThat(Rulebook.names()).containsExactlyInAnyOrder("sora", "phoenix", "leonardo_anime_xl", "midjourney",
                "stable_diffusion", "motion_2_0", "midjourney_animate", "generic");
        for (String name : Rulebook.names()) {
            assertThat(Rulebook.rules(name, new ModelLimits(100, null), StandInTokens::count).name()).isEqualTo(name);
        }
        assertThatThrownBy(() -> Rulebook.rules("dalle", new ModelLimits(100, null), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown rules 'dalle'; known: generic, leonardo_anime_xl, midjourney, midjourney_animate, "
                        + "motion_2_0, phoenix, sora, stable_diffusion");
        assertThatThrownBy(() -> Rulebook.rules("stable_diffusion", new ModelLimits(100, null), null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void genericRulesCheckOnlyLength() {
        var rules = Rulebook.rules("generic", new ModelLimits(20, 3), null);
        assertThat(rules.violations(TargetPrompt.of("a cat (on:3) --ar 1:1"))).hasSize(2)
                .allMatch(v -> v.startsWith("too long"));
        assertThat(rules.violations(TargetPrompt.of("a cat"))).isEmpty();
    }
}
