package io.shotcraft.renders;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.shotcraft.jobs.JobService;
import io.shotcraft.jobs.JobView;
import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.QueryParams;
import io.shotcraft.renders.backend.MediaTypes;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/renders")
@Tag(name = "Renders", description = "Finished prompts sent to image and video generators; outputs stored and served")
@Produces(MediaType.APPLICATION_JSON)
public class RenderResource {

    private static final Set<String> STATUSES = Set.of("running", "succeeded", "failed", "cancelled");

    private final RenderJob kind;
    private final RenderService service;
    private final JobService jobs;
    private final RendersConfig config;

    public RenderResource(RenderJob kind, RenderService service, JobService jobs, RendersConfig config) {
        this.kind = kind;
        this.service = service;
        this.jobs = jobs;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a prompt on a backend, as a job",
            description = "202 with the job; Location is the render. Its events: stage_update (render started), "
                    + "render_progress (the backend's status and percentage), render_result (the stored outputs), "
                    + "stage_update (completed), completed — or stage_update (failed) and failed, naming the backend and why.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "Unknown or unconfigured backend, bad parameters; errors[] names the fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<JobView>> submit(@Valid @NotNull RenderRequest request) {
        return jobs.submit(kind, request).map(job -> RestResponse.ResponseBuilder.accepted(JobView.of(job))
                .location(URI.create("/api/v1/renders/" + job.id)).build());
    }

    @GET
    @Operation(summary = "Recent renders, most recent first, paged")
    public Uni<Map<String, Object>> list(
            @RestQuery @Parameter(description = "Renders per page, 1 to 100 (default 20)") String limit,
            @RestQuery @Parameter(description = "next_cursor of the previous page") String cursor,
            @RestQuery @Parameter(description = "Only this backend's") String backend,
            @RestQuery @Parameter(description = "Only renders in this state: running, succeeded, failed, cancelled") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw QueryParams.invalid("status", "must be running, succeeded, failed or cancelled");
        }
        if (backend != null && backend.length() > 64) {
            throw QueryParams.invalid("backend", "is not a backend");
        }
        return service.list(QueryParams.intIn("limit", limit, 20, 1, 100), cursor, backend, status);
    }

    @GET
    @Path("backends")
    @Operation(summary = "The backends, whether each is enabled, its default model and the target groups it renders")
    public List<Map<String, Object>> backends() {
        return service.backends();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A render: status, backend, inputs, outputs, timing, cost")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RenderView.class)))
    @APIResponse(responseCode = "404", description = "No such render",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RenderView> get(@RestPath String id) {
        var renderId = Ids.uuid(id);
        return service.get(renderId).map(view -> found(view, renderId));
    }

    @GET
    @Path("{id}/output/{n}")
    // The media types the outputs may have: the byte writer, never JSON's, writes them (each answer names its own type).
    @Produces({ "image/png", "image/jpeg", "image/webp", "image/gif", "video/mp4", "video/webm", "video/quicktime",
            MediaType.APPLICATION_OCTET_STREAM })
    @Operation(summary = "A stored output (image or video), with its media type, length and caching headers",
            description = "Outputs never change: the answer may be cached for a year, and If-None-Match with its ETag "
                    + "(the output's SHA-256) answers 304.")
    @APIResponse(responseCode = "200", description = "The output's bytes")
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "No such render or output",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> output(@RestPath String id, @RestPath String n,
            @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        var renderId = Ids.uuid(id);
        int index = QueryParams.intIn("n", n, 0, 0, config.maxOutputs() - 1);
        return service.output(renderId, index).map(output -> {
            if (output == null) {
                throw ProblemException.notFound("Render " + renderId + " has no output " + index);
            }
            var etag = "\"" + output.sha256() + "\"";
            if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
                return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, CACHE).build();
            }
            return Response.ok(output.bytes(), output.contentType())
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Disposition", "inline; filename=\"render-" + renderId + "-" + index + "."
                            + MediaTypes.extension(output.contentType()) + "\"")
                    .build();
        });
    }

    /** Outputs are immutable: a year, and no revalidation. */
    private static final String CACHE = "private, max-age=31536000, immutable";

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel a queued or running render, at its backend too when the backend can")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = RenderView.class)))
    @APIResponse(responseCode = "409", description = "The render has already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RenderView> cancel(@RestPath String id) {
        var renderId = Ids.uuid(id);
        return service.cancel(renderId).map(view -> found(view, renderId));
    }

    private static RenderView found(RenderView view, java.util.UUID id) {
        if (view == null) {
            throw ProblemException.notFound("No render " + id);
        }
        return view;
    }
}
