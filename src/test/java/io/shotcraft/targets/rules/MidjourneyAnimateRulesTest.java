package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MidjourneyAnimateRulesTest {

    private final ModelRules rules = Rulebook.rules("midjourney_animate", new ModelLimits(6000, null), null);

    @ParameterizedTest
    @ValueSource(strings = {
            "the dancer spins slowly as her dress flows, camera orbits around her --motion low",
            "waves crash against the cliffs, fast handheld push in --motion high --raw --bs 2",
            "the lantern sways gently in the breeze --motion low --loop",
            "the flower opens its petals --motion low --end https://example.com/bloom.png --bs 4" })
    void realPromptsPass(String prompt) {
        assertThat(rules.violations(TargetPrompt.of(prompt))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the dancer spins --motion medium|bad value: --motion",
            "the dancer spins --ar 16:9|unknown parameter: --ar",
            "the dancer spins --bs 3|bad value: --bs",
            "the dancer spins --end sunset.png|bad value: --end",
            "the dancer spins --loop --end https://example.com/a.png|loop or end",
            "the dancer spins --motion low --motion high|parameter twice",
            "the dancer::2 spins --motion low|no multi-prompts" })
    void brokenPromptsAreNamed(String prompt, String rule) {
        assertThat(rules.violations(TargetPrompt.of(prompt))).anyMatch(v -> v.startsWith(rule));
    }

    @Test
    void adaptDropsImageParametersAndAppliesVideoOptions() {
        var options = new TargetOptions("16:9", 7L, null, Map.of("motion", "high", "loop", "true"));
        var adapted = rules.adapt(TargetPrompt.of("the dancer spins --ar 16:9 --s 250 --end https://x.io/a.png"), options);
        assertThat(adapted.prompt()).isEqualTo("the dancer spins --motion high --loop");
        assertThat(adapted.warnings()).anyMatch(w -> w.contains("--ar")).anyMatch(w -> w.contains("start image"));
        assertThat(rules.violations(adapted)).isEmpty();
    }
}
