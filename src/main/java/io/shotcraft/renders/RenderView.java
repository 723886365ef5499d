package io.shotcraft.renders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A render as {@code GET /api/v1/renders/{id}} shows it: status, backend, inputs, outputs, timing and cost. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Render")
public record RenderView(
        UUID id,
        @Schema(enumeration = { "queued", "running", "succeeded", "failed", "cancelled" }) String status,
        String backend,
        String model,
        boolean preview,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "prompt, negative_prompt, parameters, source as sent") String inputs,
        @Schema(description = "The backend's own id of the render") String backendId,
        @Schema(description = "The backend's last status, in its own words") String backendStatus,
        @Schema(description = "The backend's last percentage, where it gives one") Integer progress,
        @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = RenderOutput.class) String outputs,
        @JsonRawValue @Schema(type = SchemaType.ARRAY, implementation = String.class) String warnings,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "Problem details when the render failed or was cancelled") String error,
        BigDecimal costUsd,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Timing timing,
        String eventsUrl) {

    /** Milliseconds at the backend, and from the start to the end of the render (null while it runs). */
    @RegisterForReflection
    public record Timing(Long backendMs, Long totalMs) {
    }

    static RenderView of(Render render) {
        var total = render.finishedAt == null || render.startedAt == null ? null
                : Duration.between(render.startedAt, render.finishedAt).toMillis();
        return new RenderView(render.id, render.status, render.backend, render.model, render.preview, render.inputs,
                render.backendId, render.backendStatus, render.progress, render.outputs, render.warnings, render.error,
                render.costUsd, render.createdAt, render.startedAt, render.finishedAt, new Timing(render.backendMs, total),
                "/api/v1/jobs/" + render.id + "/events");
    }

    /** A render accepted but not started yet: what its job knows. */
    static RenderView queued(UUID id, String backend, String model, String inputs, OffsetDateTime createdAt) {
        return new RenderView(id, "queued", backend, model, false, inputs, null, null, null, null, null, null, null,
                createdAt, null, null, new Timing(null, null), "/api/v1/jobs/" + id + "/events");
    }
}
