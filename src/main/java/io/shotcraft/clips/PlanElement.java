package io.shotcraft.clips;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A character or a scene of the plan, named by the id clip scripts use. */
@RegisterForReflection
@Schema(name = "PlanElement")
public record PlanElement(
        @NotBlank @Size(max = 100) @Schema(examples = "protagonist") String id,
        @Size(max = 2000) @Schema(examples = "Young woman, 25-30, in a futuristic jacket") String description) {
}
