package io.shotcraft.targets.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.shotcraft.parameters.offline.OfflineParameterExtractor;

/** Every model's offline writer, on varied prompts: same output twice, and it obeys its own rules. */
class OfflineTest {

    private static final OfflineParameterExtractor EXTRACTOR = new OfflineParameterExtractor();
    private static final List<String> PROMPTS = List.of(
            "dragon",
            "Un gato naranja durmiendo en una ventana soleada al atardecer",
            "A woman in a red dress dancing on a beach at sunset, waves crashing behind her, her hair blowing in the "
                    + "warm breeze.",
            "Aerial drone shot over snowy mountains at sunrise, the camera slowly pushes forward above a frozen lake.",
            "Cyberpunk samurai walking through neon-lit Tokyo alley at night in the rain, cinematic, moody teal and "
                    + "orange palette, close-up",
            "An old fisherman mending nets on a wooden dock, soft morning light, documentary style, 35mm film",
            "a cat --ar 16:9 (fluffy:3) :: 10 seconds 1280x720 {\"camera\": \"dolly\"} [[x BREAK made with Sora 2",
            "The teal robot is cooking food in a kitchen. Steam rises from a simmering pot as the robot chops "
                    + "vegetables on a worn wooden cutting board. Copper pans hang from an overhead rack, catching "
                    + "glints of afternoon light, while a well-loved cast iron skillet sits on the stovetop.",
            "Macro shot of dew drops on a spider web, bokeh, 8 seconds, 4K, 16:9",
            "   ",
            "long ".repeat(600) + "road");
    private static final List<TargetOptions> OPTIONS = List.of(TargetOptions.none(),
            new TargetOptions("9:16", 1234L, 10, Map.of("stylize", "400", "contrast", "4", "alchemy", "true",
                    "resolution", "480p", "motion", "high", "steps", "25")));

    static Stream<Arguments> cases() {
        var rules = Rulebook.names().stream().sorted().map(OfflineTest::rules).toList();
        return rules.stream().flatMap(r -> PROMPTS.stream().flatMap(p -> OPTIONS.stream()
                .map(o -> Arguments.of(r, p, o))));
    }

    private static ModelRules rules(String name) {
        var limits = switch (name) {
            case "stable_diffusion" -> new ModelLimits(2000, 225);
            case "midjourney", "midjourney_animate" -> new ModelLimits(6000, null);
            case "generic" -> new ModelLimits(500, 100);
            default -> new ModelLimits(1500, null);
        };
        return Rulebook.rules(name, limits, StandInTokens::count);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void offlinePromptsAreDeterministicAndObeyTheirRules(ModelRules rules, String source, TargetOptions options) {
        var parameters = EXTRACTOR.extract(source);
        var first = rules.offline(source, parameters, options);
        var second = rules.offline(source, parameters, options);
        assertThat(second).isEqualTo(first);
        assertThat(first.prompt()).isNotBlank();
        assertThat(rules.violations(first)).as(first.prompt()).isEmpty();
        assertThat(rules.violations(rules.adapt(first, options))).isEmpty();
    }
}
