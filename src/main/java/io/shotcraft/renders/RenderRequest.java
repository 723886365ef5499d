package io.shotcraft.renders;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A finished prompt to send to an image or video generator: the body of {@code POST /api/v1/renders}, the job's input. */
@RegisterForReflection
@Schema(name = "RenderRequest")
public record RenderRequest(
        @NotBlank @Size(max = 4000) @Schema(examples = "a teal robot cooking in a kitchen at dawn, soft light") String prompt,
        @Size(max = 2000) @Schema(examples = "blurry, extra limbs") String negativePrompt,
        @Size(max = 64) @Schema(description = "A configured backend: offline (default), openai-images, predictions, leonardo",
                examples = "offline") String backend,
        @Size(max = 200) @Schema(description = "The backend's model (its default when absent)", examples = "gpt-image-1") String model,
        @Valid RenderParameters parameters,
        @Valid RenderSource source) {

    public String backendOrDefault() {
        return backend == null || backend.isBlank() ? "offline" : backend.strip();
    }

    public RenderParameters parametersOrNone() {
        return parameters == null ? RenderParameters.NONE : parameters;
    }
}
