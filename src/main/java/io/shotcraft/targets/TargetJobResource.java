package io.shotcraft.targets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.shotcraft.jobs.JobResource;
import io.shotcraft.jobs.JobService;
import io.shotcraft.jobs.JobView;
import io.shotcraft.platform.Problem;
import io.smallrye.mutiny.Uni;

/** Target prompts as a job; its own resource so that its path wins over the jobs resource's {@code /{id}}. */
@Path("/api/v1/jobs/targets")
@Tag(name = "Targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TargetJobResource {

    private final TargetsJob kind;
    private final JobService jobs;

    public TargetJobResource(TargetsJob kind, JobService jobs) {
        this.kind = kind;
        this.jobs = jobs;
    }

    @POST
    @Operation(summary = "Write prompts for the selected model groups, as a job",
            description = "202 with the job; its events: stage_update (target_prompts started), progress, "
                    + "target_prompts (the answer of POST /api/v1/targets/prompts), stage_update (completed), completed "
                    + "— or stage_update (failed) and failed.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "Invalid category, selection, source or options; errors[] names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<JobView>> submit(@Valid @NotNull TargetPromptsRequest request) {
        return jobs.submit(kind, request).map(JobResource::accepted);
    }
}
