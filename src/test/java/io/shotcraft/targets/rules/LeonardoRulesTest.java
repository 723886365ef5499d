package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LeonardoRulesTest {

    private final ModelRules phoenix = Rulebook.rules("phoenix", new ModelLimits(1500, null), null);
    private final ModelRules animeXl = Rulebook.rules("leonardo_anime_xl", new ModelLimits(1500, null), null);
    private final ModelRules motion = Rulebook.rules("motion_2_0", new ModelLimits(1500, null), null);

    @Test
    void realPhoenixPromptPasses() {
        var prompt = new TargetPrompt("A lone samurai (wearing a red cloak) stands on a misty mountain pass at dawn, "
                + "hand-painted background, soft volumetric light, shallow depth of field.", "blurry, watermark",
                Map.of("contrast", 3.5, "alchemy", true, "width", 1472, "height", 832), List.of());
        assertThat(phoenix.violations(prompt)).isEmpty();
    }

    @Test
    void phoenixParametersAreChecked() {
        var prompt = new TargetPrompt("A samurai.", "", Map.of("contrast", 2.0, "width", 1500, "steps", 30), List.of());
        assertThat(phoenix.violations(prompt)).anyMatch(v -> v.startsWith("bad value: contrast"))
                .anyMatch(v -> v.startsWith("bad value: width")).anyMatch(v -> v.startsWith("unknown parameter"));
        var lowContrast = new TargetPrompt("A samurai.", "", Map.of("contrast", 1.3, "alchemy", true), List.of());
        assertThat(phoenix.violations(lowContrast)).anyMatch(v -> v.contains("with alchemy on"));
    }

    @Test
    void leonardoPromptsReadNoSyntax() {
        assertThat(animeXl.violations(TargetPrompt.of("anime girl, (red hair:1.3) --ar 16:9")))
                .anyMatch(v -> v.startsWith("no weights")).anyMatch(v -> v.startsWith("no flags"));
        assertThat(phoenix.violations(TargetPrompt.of("x".repeat(1501)))).anyMatch(v -> v.startsWith("too long"));
    }

    @Test
    void adaptCleansSyntaxAndAppliesOptions() {
        var answer = new TargetPrompt("anime girl, (red hair:1.3), school rooftop --ar 16:9", "lowres", Map.of(
                "guidance_scale", "9", "style", "anime"), List.of());
        var adapted = animeXl.adapt(answer, new TargetOptions("16:9", null, null, Map.of("alchemy", "true")));
        assertThat(adapted.prompt()).isEqualTo("anime girl, red hair, school rooftop");
        assertThat(adapted.parameters()).containsExactly(Map.entry("guidance_scale", 9), Map.entry("width", 1368),
                Map.entry("height", 768), Map.entry("alchemy", true));
        assertThat(animeXl.violations(adapted)).isEmpty();
    }

    @Test
    void phoenixContrastOptionIsValidatedAndRaisedForAlchemy() {
        assertThatThrownBy(() -> phoenix.adapt(TargetPrompt.of("a fox"),
                new TargetOptions(null, null, null, Map.of("contrast", "2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("contrast must be one of");
        var adapted = phoenix.adapt(TargetPrompt.of("a fox"),
                new TargetOptions(null, null, null, Map.of("contrast", "1.3", "alchemy", "true")));
        assertThat(adapted.parameters()).containsEntry("contrast", 2.5);
        assertThat(phoenix.violations(adapted)).isEmpty();
    }

    @Test
    void realMotionPromptPasses() {
        var prompt = new TargetPrompt("A hummingbird hovers beside a red flower, wings blurring. Soft morning light. "
                + "Slow dolly in.", "", Map.of("duration", 5, "aspect_ratio", "9:16", "resolution", "720p"), List.of());
        assertThat(motion.violations(prompt)).isEmpty();
    }

    @Test
    void motionRejectsOtherLengthsFlagsAndCameraJson() {
        var prompt = new TargetPrompt("A hummingbird hovers {\"camera\": \"dolly in\"} --motion 5", "",
                Map.of("duration", 10, "aspect_ratio", "1:1"), List.of());
        assertThat(motion.violations(prompt)).anyMatch(v -> v.startsWith("bad value: duration"))
                .anyMatch(v -> v.startsWith("bad value: aspect_ratio")).anyMatch(v -> v.startsWith("no JSON"))
                .anyMatch(v -> v.startsWith("no flags"));
    }

    @Test
    void motionAdaptTurnsCameraJsonIntoWordsAndFixesTheClip() {
        var answer = new TargetPrompt("A hummingbird hovers {\"camera\": \"slow dolly in\", \"speed\": \"gentle\"}", "",
                Map.of("duration", 10), List.of());
        var adapted = motion.adapt(answer, new TargetOptions("4:3", null, 8, Map.of("resolution", "480p")));
        assertThat(adapted.prompt()).isEqualTo("A hummingbird hovers, slow dolly in, gentle");
        assertThat(adapted.parameters()).containsExactly(Map.entry("duration", 5), Map.entry("aspect_ratio", "16:9"),
                Map.entry("resolution", "480p"));
        assertThat(adapted.warnings()).anyMatch(w -> w.contains("5-second")).anyMatch(w -> w.contains("4:3"));
        assertThat(motion.violations(adapted)).isEmpty();
    }
}
