package io.shotcraft.renders;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where a render's prompt came from, kept with the render so that results can be traced back (and, later, rated
 * against the prompt that made them): a tuning session's revision, a target model's prompt, or a clip of a
 * clip-prompts job. The prompt itself is always sent; the source is not read again.
 */
@RegisterForReflection
@Schema(name = "RenderSource")
public record RenderSource(
        @NotNull @Pattern(regexp = "session|target|clip", message = "must be session, target or clip")
        @Schema(enumeration = { "session", "target", "clip" }) String kind,
        @Schema(description = "session: the tuning session") UUID sessionId,
        @Min(1) @Schema(description = "session: its revision") Integer revision,
        @Schema(description = "target or clip: the job that wrote the prompt") UUID jobId,
        @Size(max = 64) @Schema(description = "target: the target model id", examples = "SD_A") String modelId,
        @Min(0) @Schema(description = "clip: the clip's index") Integer clipIndex) {
}
