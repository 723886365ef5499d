package io.shotcraft.renders;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a finished render made: the {@code render_result} event and the job's result. {@code preview} is true when the
 * outputs are previews (the offline backend), not a generator's images; {@code engine} names who drew them.
 */
@RegisterForReflection
@Schema(name = "RenderResult")
public record RenderResult(
        UUID renderId,
        @Schema(examples = "offline") String backend,
        @Schema(description = "offline for the built-in previews, else the backend's name", examples = "offline") String engine,
        @JsonInclude(JsonInclude.Include.ALWAYS) String model,
        boolean preview,
        List<RenderOutput> outputs,
        List<String> warnings,
        @Schema(description = "The backend's own id of the render") String backendId,
        @Schema(description = "USD, from shotcraft.renders.<backend>.cost-per-output-usd") BigDecimal costUsd,
        @Schema(description = "Milliseconds spent at the backend") long backendMs) {
}
