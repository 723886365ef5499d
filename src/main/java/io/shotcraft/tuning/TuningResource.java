package io.shotcraft.tuning;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.shotcraft.jobs.JobResource;
import io.shotcraft.jobs.JobService;
import io.shotcraft.jobs.JobView;
import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.QueryParams;
import io.shotcraft.platform.RequestIds;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/sessions")
@Tag(name = "Tuning", description = "Extract a prompt's parameters, change them by conversation, history and revert")
@Produces(MediaType.APPLICATION_JSON)
public class TuningResource {

    private final TuningService service;
    private final JobService jobs;
    private final TuningEditJob editJob;

    public TuningResource(TuningService service, JobService jobs, TuningEditJob editJob) {
        this.service = service;
        this.jobs = jobs;
        this.editJob = editJob;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a session", description = "Extracts the prompt's parameters and stores revision 1.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<SessionView>> start(@Valid @NotNull TuningRequests.Start request,
            @RestHeader(RequestIds.HEADER) String requestId) {
        return service.start(request, requestId)
                .map(view -> RestResponse.ResponseBuilder.<SessionView> created(URI.create("/api/v1/sessions/" + view.id()))
                        .entity(view).build());
    }

    @GET
    @Operation(summary = "Recent sessions, most recently updated first")
    public Uni<Map<String, Object>> list(
            @RestQuery @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                    description = "Sessions per page, 1 to 100 (default 20)") String limit,
            @RestQuery String cursor) {
        return service.list(QueryParams.intIn("limit", limit, 20, 1, 100), cursor);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A session at its latest revision")
    public Uni<SessionView> get(@RestPath String id) {
        var sessionId = Ids.uuid(id);
        return service.get(sessionId).map(view -> found(view, sessionId));
    }

    @GET
    @Path("{id}/parameters")
    @Operation(summary = "The session's current parameters, in order")
    public Uni<Map<String, String>> parameters(@RestPath String id) {
        var sessionId = Ids.uuid(id);
        return service.get(sessionId).map(view -> found(view, sessionId).parameters());
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Every revision of the session, oldest first")
    public Uni<List<RevisionView>> history(@RestPath String id) {
        var sessionId = Ids.uuid(id);
        return service.history(sessionId).map(revisions -> {
            if (revisions.isEmpty()) {
                throw ProblemException.notFound("No session " + sessionId);
            }
            return revisions;
        });
    }

    @GET
    @Path("{id}/suggestions")
    @Operation(summary = "Parameters that would strengthen the prompt for a video model",
            description = "Missing aspects (shot type, camera, lighting, time of day, motion, style…), each with a proposed value "
                    + "that fits the scene and a reason. Apply one with PATCH …/parameters.")
    public Uni<List<Suggestion>> suggestions(@RestPath String id) {
        return service.suggestions(Ids.uuid(id));
    }

    @POST
    @Path("{id}/edits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the prompt by conversation",
            description = "Interprets the request, applies it to the parameters, regenerates the prompt with a minimal edit "
                    + "and stores the next revision. A request that changes nothing makes no revision.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "409", description = "Another edit changed the session meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The offline engine cannot interpret the request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SessionView> edit(@RestPath String id, @Valid @NotNull TuningRequests.Edit request,
            @RestHeader(RequestIds.HEADER) String requestId) {
        return service.edit(Ids.uuid(id), request, requestId);
    }

    @POST
    @Path("{id}/edit-jobs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run an edit as a job, to follow it live",
            description = "202 with the job; its events: stage_update (interpreting, regenerating), token (the prompt in "
                    + "chunks), result (the session), completed — or failed with a problem.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = JobView.class)))
    public Uni<RestResponse<JobView>> editJob(@RestPath String id, @Valid @NotNull TuningRequests.Edit request) {
        var sessionId = Ids.uuid(id);
        return service.get(sessionId).chain(view -> {
            found(view, sessionId);
            return jobs.submit(editJob, new TuningEditJob.Input(sessionId, request.request(), request.options()));
        }).map(JobResource::accepted);
    }

    @PATCH
    @Path("{id}/parameters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set and remove parameters in one batch, with one regeneration")
    public Uni<SessionView> patch(@RestPath String id, @Valid @NotNull TuningRequests.Patch patch) {
        return service.patch(Ids.uuid(id), patch);
    }

    @POST
    @Path("{id}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Append a new revision equal to an earlier one")
    public Uni<SessionView> revert(@RestPath String id, @Valid @NotNull TuningRequests.Revert request) {
        return service.revert(Ids.uuid(id), request.revision());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a session and its history")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<RestResponse<Void>> delete(@RestPath String id) {
        var sessionId = Ids.uuid(id);
        return service.delete(sessionId).map(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("No session " + sessionId);
            }
            return RestResponse.noContent();
        });
    }

    private static SessionView found(SessionView view, UUID id) {
        if (view == null) {
            throw ProblemException.notFound("No session " + id);
        }
        return view;
    }
}
