package io.shotcraft.enhance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.AiOptions;

/** A short prompt to rewrite into a detailed cinematic one, for text-to-video or image-to-video. */
@RegisterForReflection
@Schema(name = "EnhanceRequest")
public record EnhanceRequest(
        @NotBlank @Size(max = 2000) @Schema(examples = "a fox crossing a snowy road at night") String prompt,
        @Schema(description = "t2v (default) or i2v", enumeration = { "t2v", "i2v" }) EnhanceMode mode,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        @Schema(description = "i2v: the image to animate, read by a vision-capable model") String imageUrl,
        @Size(max = 2000) @Schema(description = "i2v: a description of the image") String imageCaption,
        @Schema(description = "Same input and seed give the same output", examples = "42") Integer seed,
        @Min(10) @Max(400) @Schema(description = "Longest result in words (default 200)", examples = "120") Integer maxWords,
        @Schema(description = "Enhance even a prompt that is already long") Boolean force,
        @Valid AiOptions options) {

    public EnhanceMode modeOrDefault() {
        return mode == null ? EnhanceMode.T2V : mode;
    }

    public AiOptions optionsOrDefault() {
        return options == null ? AiOptions.DEFAULT : options;
    }
}
