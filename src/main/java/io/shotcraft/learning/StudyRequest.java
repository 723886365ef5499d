package io.shotcraft.learning;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.learning.optimize.DimensionSpec;

/** The body of {@code POST /api/v1/learning/studies}. Everything but the name has the design's default. */
@RegisterForReflection
@Schema(name = "StudyRequest")
public record StudyRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Interior renders") String name,
        @Size(min = 1, max = 12) @Schema(description = "The parameter space; the design's preset (api, init_strength, "
                + "guidance_scale, controlnet_weight) when absent") List<DimensionSpec> space,
        @Size(max = 16) @Schema(description = "Render backend per value of the api dimension, and 'default' for the rest "
                + "(offline when absent)", examples = "{\"default\": \"offline\"}") Map<String, String> backends,
        @Valid Rules rules,
        @Schema(type = SchemaType.OBJECT, description = "The first version, as the design's version file; the design's "
                + "v1.0.0 when absent") JsonNode initialVersion,
        @Schema(description = "Fixes the initial design and the optimiser's random choices", examples = "42") Long seed) {

    @RegisterForReflection
    @Schema(name = "StudyRules")
    public record Rules(
            @Size(max = 20) @Schema(description = "Phrases every evolved prompt keeps", examples = "[\"preserve exact layout\"]")
            List<@NotBlank @Size(max = 200) String> neverChange,
            @Min(50) @Max(4000) @Schema(description = "Longest evolved prompt, in characters", examples = "1500")
            Integer maxPromptLength) {
    }
}
