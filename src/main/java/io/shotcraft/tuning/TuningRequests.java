package io.shotcraft.tuning;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.AiOptions;

/** The request bodies of the tuning API. */
public final class TuningRequests {

    private TuningRequests() {
    }

    @RegisterForReflection
    @Schema(name = "StartSession")
    public record Start(
            @NotBlank @Size(max = 4000) @Schema(examples = "The teal robot is cooking food in a kitchen.") String prompt,
            @Schema(description = "Enhance the prompt first, then extract its parameters") Boolean enhance,
            @Valid AiOptions options) {
    }

    @RegisterForReflection
    @Schema(name = "EditRequest")
    public record Edit(
            @NotBlank @Size(max = 1000) @Schema(examples = "Change the robot to blue and make it baking a cake instead") String request,
            @Valid AiOptions options) {
    }

    @RegisterForReflection
    @Schema(name = "ParametersPatch")
    public record Patch(
            @Size(max = 50) Map<@Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "must be snake_case") String,
                    @NotBlank @Size(max = 200) String> set,
            @Size(max = 50) List<@NotBlank String> remove,
            @Valid AiOptions options) {
    }

    @RegisterForReflection
    @Schema(name = "RevertRequest")
    public record Revert(@NotNull @Min(1) Integer revision) {
    }
}
