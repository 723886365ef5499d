package io.shotcraft.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.shotcraft.learning.optimize.ParameterSpace;

/** What an option's render is asked for: prompt, guidance and seed, and the other parameters as the model's inputs. */
class TrialRenderRequestTest {

    private static final Study STUDY = new Study(UUID.randomUUID(), "s", ParameterSpace.preset().toSpecs(),
            Map.of("default", "offline", "stablediffusion", "predictions"), new Study.Rules(List.of(), 1500), 1, 0, null,
            null, OffsetDateTime.now());

    private static final PromptVersion VERSION = new PromptVersion("v1.0.0", OffsetDateTime.now(), "t", null,
            Map.of("leonardo", Map.of("prompt", "photoreal, leonardo style", "negative_prompt", "sketch"),
                    "stablediffusion", Map.of("prompt", "photoreal, sd style")),
            Map.of());

    private static Experiment.Option option(String api) {
        var point = new LinkedHashMap<String, Object>();
        point.put("api", api);
        point.put("init_strength", 0.22);
        point.put("guidance_scale", 8.1);
        point.put("controlnet_weight", 0.93);
        return new Experiment.Option("A", point, "v1.0.0", UUID.randomUUID(), null, null, null, true);
    }

    private static Experiment trial(String prompt) {
        return new Experiment(UUID.randomUUID(), STUDY.id(), 1, prompt, null, null, Experiment.RENDERING,
                OffsetDateTime.now(), null, null, null, List.of());
    }

    @Test
    void stableDiffusionTakesTheDesignsNamesAndTheInputImage() {
        var request = TrialService.request(STUDY, trial("a living room"), option("stablediffusion"), VERSION, 42,
                "data:image/png;base64,AAAA");
        assertThat(request.prompt()).isEqualTo("a living room, photoreal, sd style");
        assertThat(request.backendOrDefault()).isEqualTo("predictions");
        assertThat(request.parameters().guidance()).isEqualTo(8.1);
        assertThat(request.parameters().seed()).isEqualTo(42);
        assertThat(request.parameters().modelInputs()).containsExactly(Map.entry("strength", 0.22),
                Map.entry("controlnet_conditioning_scale", 0.93), Map.entry("image", "data:image/png;base64,AAAA"));
    }

    @Test
    void leonardoKeepsTheSpacesNamesAndItsNegativePrompt() {
        var request = TrialService.request(STUDY, trial(null), option("leonardo"), VERSION, 42, null);
        assertThat(request.prompt()).isEqualTo("photoreal, leonardo style");
        assertThat(request.negativePrompt()).isEqualTo("sketch");
        assertThat(request.backendOrDefault()).isEqualTo("offline");
        assertThat(request.parameters().modelInputs()).containsExactly(Map.entry("init_strength", 0.22),
                Map.entry("controlnet_weight", 0.93));
    }
}
