package io.shotcraft.clips;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What one clip shows, when it plays (seconds into the song) and how hard the music hits there. */
@RegisterForReflection
@Schema(name = "ClipScript")
public record ClipScript(
        @NotNull @Min(0) @Max(9999) @Schema(examples = "0") Integer clipIndex,
        @NotNull @PositiveOrZero @Schema(examples = "0.0") Double start,
        @NotNull @PositiveOrZero @Schema(description = "Must be after start", examples = "5.2") Double end,
        @Size(max = 2000) @Schema(examples = "A lone figure walks toward camera through a rain-slicked neon street") String visualDescription,
        @Size(max = 500) @Schema(examples = "slow forward walk, rain falling") String motion,
        @Size(max = 500) @Schema(examples = "low angle tracking shot") String cameraAngle,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> characters,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> scenes,
        @Size(max = 2000) String lyricsContext,
        @Pattern(regexp = "low|medium|high", message = "must be low, medium or high")
        @Schema(enumeration = { "low", "medium", "high" }, description = "medium when absent") String beatIntensity) {

    public double duration() {
        return Math.round((end - start) * 1000) / 1000.0;
    }

    public String beatIntensityOrDefault() {
        return beatIntensity == null ? "medium" : beatIntensity;
    }

    public List<String> charactersOrEmpty() {
        return characters == null ? List.of() : characters;
    }

    public List<String> scenesOrEmpty() {
        return scenes == null ? List.of() : scenes;
    }
}
