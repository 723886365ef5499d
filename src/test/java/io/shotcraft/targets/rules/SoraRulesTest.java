package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoraRulesTest {

    private static final String GOOD = """
            A lighthouse keeper in a yellow raincoat climbs the spiral stairs of an old lighthouse during a storm.

            Cinematography:
            Camera shot: low-angle medium shot, 35mm lens
            Lighting: cold blue storm light, warm lamp glow from above
            Mood: tense, determined

            Actions:
            - He grips the rail as the tower shudders.
            - He reaches the lamp room and wipes the glass.""";

    private final ModelRules rules = Rulebook.rules("sora", new ModelLimits(2000, null), null);

    @Test
    void aWellFormedPromptPasses() {
        var prompt = new TargetPrompt(GOOD, "", Map.of("seconds", 8, "size", "1280x720"), List.of());
        assertThat(rules.violations(prompt)).isEmpty();
    }

    @Test
    void beatTimingsStayInTheProse() {
        var prompt = TargetPrompt.of("A kettle boils on the stove; after 3 seconds the lid rattles.");
        assertThat(rules.violations(prompt)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A 10 second clip of a fox in the snow.|settings in the prose",
            "A fox in the snow, 1280x720.|settings in the prose",
            "A fox in the snow in 16:9 aspect ratio.|settings in the prose",
            "A fox in the snow made with Sora 2 Pro.|settings in the prose",
            "A fox in the snow, 4K.|settings in the prose",
            "A fox in the snow --ar 16:9|no flags",
            "Cinematography: wide shot. A fox in the snow.|prose first" })
    void brokenPromptsAreNamed(String prompt, String rule) {
        assertThat(rules.violations(TargetPrompt.of(prompt))).anyMatch(v -> v.startsWith(rule));
    }

    @Test
    void actionsBeforeCinematographyBreakTheOrder() {
        var prompt = TargetPrompt.of("A fox.\n\nActions:\n- It jumps.\n\nCinematography:\nCamera shot: wide");
        assertThat(rules.violations(prompt)).anyMatch(v -> v.startsWith("order"));
    }

    @Test
    void parameterValuesAreChecked() {
        var prompt = new TargetPrompt("A fox in the snow.", "", Map.of("seconds", 10, "size", "1920x1080", "fps", 24),
                List.of());
        assertThat(rules.violations(prompt)).hasSize(3);
    }

    @Test
    void adaptMovesLengthAndSizeOutOfTheProse() {
        var answer = TargetPrompt.of("A fox trots through fresh snow at dawn, 10 seconds, 1280x720.");
        var adapted = rules.adapt(answer, TargetOptions.none());
        assertThat(adapted.prompt()).isEqualTo("A fox trots through fresh snow at dawn.");
        assertThat(adapted.parameters()).containsExactly(Map.entry("seconds", 12), Map.entry("size", "1280x720"));
        assertThat(adapted.warnings()).anyMatch(w -> w.startsWith("Moved settings"))
                .anyMatch(w -> w.contains("became 12"));
        assertThat(rules.violations(adapted)).isEmpty();
    }

    @Test
    void adaptKeepsDefaultsAndLetsOptionsWin() {
        var answer = new TargetPrompt("A vertical 9:16 shot of a fox, an 8-second clip.", "", Map.of("seconds", "8",
                "size", "1280x720"), List.of());
        var adapted = rules.adapt(answer, new TargetOptions(null, null, 4, Map.of()));
        assertThat(adapted.prompt()).isEqualTo("A vertical shot of a fox.");
        assertThat(adapted.parameters()).containsOnly(Map.entry("seconds", 4), Map.entry("size", "720x1280"));
        assertThat(rules.violations(adapted)).isEmpty();
    }

    @Test
    void aspectRatioOptionPicksTheSizeOfItsOrientation() {
        var adapted = rules.adapt(TargetPrompt.of("A fox."), new TargetOptions("9:16", null, null, Map.of()));
        assertThat(adapted.parameters()).containsEntry("size", "720x1280");
        var pro = rules.adapt(TargetPrompt.of("A fox."), new TargetOptions(null, null, null, Map.of("size", "1792x1024")));
        assertThat(pro.parameters()).containsEntry("size", "1792x1024");
        assertThatThrownBy(() -> rules.adapt(TargetPrompt.of("A fox."),
                new TargetOptions(null, null, null, Map.of("size", "640x480"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("size must be one of");
    }
}
