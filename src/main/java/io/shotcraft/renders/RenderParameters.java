package io.shotcraft.renders;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What shapes a render besides its prompt, in the words most generators use; a backend sends those its API takes and
 * says which it had to leave out. The size is {@code width} and {@code height}, or an {@code aspect_ratio}; without
 * either, 1024 pixels square (16:9 for a video, that is with {@code duration_seconds}).
 */
@RegisterForReflection
@Schema(name = "RenderParameters")
public record RenderParameters(
        @Min(64) @Max(4096) @Schema(description = "Pixels; with height", examples = "1024") Integer width,
        @Min(64) @Max(4096) @Schema(description = "Pixels; with width", examples = "576") Integer height,
        @Pattern(regexp = "[1-9][0-9]?:[1-9][0-9]?", message = "must be width:height, e.g. 16:9")
        @Schema(description = "Instead of width and height", examples = "16:9") String aspectRatio,
        @Min(0) @Max(4294967295L) @Schema(description = "Same seed, same image (where the backend honours it)", examples = "42") Long seed,
        @Min(1) @Max(150) @Schema(description = "Denoising steps", examples = "30") Integer steps,
        @DecimalMin("0") @DecimalMax("30") @Schema(description = "Guidance (CFG) scale", examples = "7.5") Double guidance,
        @DecimalMin("0.5") @DecimalMax("60") @Schema(description = "Video length in seconds: asks for a video where the backend makes them", examples = "5") Double durationSeconds,
        @Min(1) @Max(16) @Schema(description = "Outputs wanted (at most shotcraft.renders.max-outputs)", examples = "1") Integer count,
        @Size(max = 16) @Schema(description = "Further inputs of the model, by its own names (numbers, booleans or text): sent as "
                + "they are by backends that take a model's inputs (predictions), left out with a warning by the others",
                examples = "{\"prompt_strength\": 0.3}") Map<String, Object> modelInputs) {

    public static final RenderParameters NONE = new RenderParameters(null, null, null, null, null, null, null, null, null);

    public Map<String, Object> modelInputsOrNone() {
        return modelInputs == null ? Map.of() : modelInputs;
    }
}
