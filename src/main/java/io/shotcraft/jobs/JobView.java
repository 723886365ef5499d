package io.shotcraft.jobs;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A job as the API shows it; {@code input}, {@code result} and {@code error} are JSON as stored. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Job")
public record JobView(
        UUID id,
        @Schema(examples = "clips.prompts") String kind,
        @Schema(enumeration = { "queued", "running", "succeeded", "failed", "cancelled" }) JobStatus status,
        @Schema(minimum = "0", maximum = "100") int progress,
        String stage,
        @Schema(description = "Times the job was started: more than 1 when its runner stopped and another took it over") int attempts,
        @JsonRawValue @Schema(type = SchemaType.OBJECT) String input,
        @JsonRawValue @Schema(type = SchemaType.OBJECT) String result,
        @JsonRawValue @Schema(type = SchemaType.OBJECT, description = "Problem details when the job failed or was cancelled") String error,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(examples = "/api/v1/jobs/6f1c…/events") String eventsUrl) {

    public static JobView of(Job job) {
        return new JobView(job.id, job.kind, job.status, job.progress, job.stage, job.attempts, job.input, job.result, job.error,
                job.createdAt, job.startedAt, job.finishedAt, eventsUrl(job.id));
    }

    public static String url(UUID id) {
        return "/api/v1/jobs/" + id;
    }

    public static String eventsUrl(UUID id) {
        return url(id) + "/events";
    }
}
