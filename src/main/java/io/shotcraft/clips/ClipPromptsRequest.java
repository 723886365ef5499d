package io.shotcraft.clips;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A plan and its reference images (or null), to turn into one prompt per clip. */
@RegisterForReflection
@Schema(name = "ClipPromptsRequest")
public record ClipPromptsRequest(
        @Size(max = 64) @Schema(description = "The pipeline's job id (a UUID); a new one when absent",
                examples = "550e8400-e29b-41d4-a716-446655440000") String jobId,
        @NotNull @Valid ScenePlan plan,
        @Valid @Schema(description = "null for text-only prompts") ReferenceImages references,
        @Valid ClipPromptOptions options) {

    public ClipPromptOptions optionsOrDefault() {
        return options == null ? ClipPromptOptions.DEFAULT : options;
    }
}
