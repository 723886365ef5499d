package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MidjourneyRulesTest {

    private final ModelRules rules = Rulebook.rules("midjourney", new ModelLimits(6000, null), null);

    @ParameterizedTest
    @ValueSource(strings = {
            "a lone astronaut walking through a field of glowing mushrooms, bioluminescent, cinematic lighting"
                    + " --ar 16:9 --s 250",
            "portrait of an old fisherman, weathered skin, Rembrandt lighting, 85mm --ar 4:5 --style raw --s 100",
            "isometric cozy bakery interior, pastel colors --ar 1:1 --c 20 --w 500 --seed 4294967295",
            "cyberpunk street market at night in the rain --ar 21:9 --no people, cars --q 2 --v 7",
            "https://example.com/ref.png watercolor fox in the snow --iw 1.5 --raw --stop 80" })
    void realPromptsPass(String prompt) {
        assertThat(rules.violations(TargetPrompt.of(prompt))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a castle on a hill --ar 16.5:9|bad value: --ar",
            "a castle on a hill --s 5000|bad value: --s",
            "a castle on a hill --c 150|bad value: --c",
            "a castle on a hill --w 3001|bad value: --w",
            "a castle on a hill --seed 4294967296|bad value: --seed",
            "a castle::2 on a hill::1 --ar 1:1|no multi-prompts",
            "a castle on a hill --ar 16:9 --ar 9:16|parameter twice: --ar",
            "--ar 16:9 a castle on a hill|parameters last",
            "--ar 16:9|text first",
            "a castle on a hill --niji 6|unknown parameter: --niji",
            "a castle on a hill --v 6.1|bad value: --v",
            "a castle on a hill --stylize 100 --s 200|parameter twice: --s" })
    void brokenPromptsAreNamed(String prompt, String rule) {
        assertThat(rules.violations(TargetPrompt.of(prompt))).anyMatch(v -> v.startsWith(rule));
    }

    @Test
    void aLineOverTheLimitIsTooLong() {
        var shortRules = Rulebook.rules("midjourney", new ModelLimits(40, null), null);
        assertThat(shortRules.violations(TargetPrompt.of("a very long description of a castle on a hill at dawn")))
                .anyMatch(v -> v.startsWith("too long"));
    }

    @Test
    void adaptMovesTextFirstFixesValuesAndDedupes() {
        var answer = TargetPrompt.of("--ar 16.5:9 a castle::2 on a hill --s 5000 --s 300 --foo bar --c 10 misty dawn");
        var adapted = rules.adapt(answer, TargetOptions.none());
        assertThat(adapted.prompt()).isEqualTo("a castle, on a hill misty dawn --ar 11:6 --s 300 --c 10");
        assertThat(adapted.warnings()).isNotEmpty();
        assertThat(rules.violations(adapted)).isEmpty();
    }

    @Test
    void adaptAppliesOptionsAndFoldsTheNegativePromptIntoNo() {
        var answer = new TargetPrompt("a quiet harbour at dusk --ar 1:1 --no boats", "people", Map.of("s", 250),
                java.util.List.of());
        var options = new TargetOptions("16:9", 42L, null, Map.of("stylize", "400", "raw", "true"));
        var adapted = rules.adapt(answer, options);
        assertThat(adapted.prompt()).isEqualTo("a quiet harbour at dusk --ar 16:9 --no boats, people --s 400 --seed 42 --raw");
        assertThat(adapted.negativePrompt()).isEmpty();
        assertThat(adapted.parameters()).isEmpty();
        assertThat(adapted.warnings()).anyMatch(w -> w.contains("--ar")).anyMatch(w -> w.contains("--no"));
        assertThat(rules.violations(adapted)).isEmpty();
    }

    @Test
    void anEmDashFlagIsReadAndRewritten() {
        var adapted = rules.adapt(TargetPrompt.of("a red fox —ar 3:2"), TargetOptions.none());
        assertThat(adapted.prompt()).isEqualTo("a red fox --ar 3:2");
    }

    @Test
    void badOptionValuesThrowNamingTheOption() {
        assertThatThrownBy(() -> rules.adapt(TargetPrompt.of("a fox"),
                new TargetOptions(null, null, null, Map.of("stylize", "5000"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("stylize must be");
        assertThatThrownBy(() -> rules.offline("a fox", java.util.List.of(),
                new TargetOptions(null, null, null, Map.of("chaos", "lots"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("chaos must be");
    }
}
