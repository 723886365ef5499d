package io.shotcraft.jobs;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/jobs")
@Tag(name = "Jobs", description = "Long-running work: status, live events (SSE), cancellation")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobService jobs;
    private final JobStreamer streamer;

    public JobResource(JobService jobs, JobStreamer streamer) {
        this.jobs = jobs;
        this.streamer = streamer;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a job", description = "Starts a job of the given kind; follow it at events_url.")
    @APIResponse(responseCode = "202", description = "Accepted; Location is the job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", description = "Unknown kind or bad input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<JobView>> submit(@Valid @NotNull JobRequest request) {
        return jobs.submit(request.kind(), request.input()).map(JobResource::accepted);
    }

    /** 202 with the job and its address in {@code Location}: how every endpoint that starts a job answers. */
    public static RestResponse<JobView> accepted(Job job) {
        return RestResponse.ResponseBuilder.accepted(JobView.of(job)).location(URI.create(JobView.url(job.id))).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A job's status, progress, stage, and result or error")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JobView> get(@Parameter(description = "Job id (UUID)") @RestPath String id) {
        var jobId = Ids.uuid(id);
        return jobs.find(jobId).map(job -> {
            if (job == null) {
                throw ProblemException.notFound("No job " + jobId);
            }
            return JobView.of(job);
        });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel a queued or running job")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "409", description = "The job has already ended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<JobView> cancel(@RestPath String id) {
        var jobId = Ids.uuid(id);
        return jobs.cancel(jobId).map(job -> {
            if (job == null) {
                throw ProblemException.notFound("No job " + jobId);
            }
            return JobView.of(job);
        });
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    @Operation(summary = "A job's events as Server-Sent Events",
            description = "Replays every event (or those after Last-Event-ID), follows live ones, and closes after the "
                    + "terminal event (completed or failed). 204 when Last-Event-ID is already the terminal event.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            examples = @ExampleObject(name = "progress", value = "id: 1732300000000-0\nevent: progress\ndata: {\"progress\":50,\"stage\":\"writing\"}\n")))
    @JobStreamEndpoint
    public Multi<OutboundSseEvent> events(@RestPath String id,
            @Parameter(description = "Id of the last event received; the stream resumes after it") @RestHeader("Last-Event-ID") String lastEventId,
            @Context Sse sse, @Context ContainerRequestContext request) {
        var subscription = (JobStreamer.Subscription) request.getProperty(JobStreamFilter.SUBSCRIPTION);
        // Cache-Control and X-Accel-Buffering are set by JobStreamFilter.
        return RestMulti.fromMultiData(subscription.events().map(event -> toSse(sse, event))).build();
    }

    private static OutboundSseEvent toSse(Sse sse, JobEvent event) {
        if (event == JobStreamer.KEEP_ALIVE) {
            return sse.newEventBuilder().comment("keep-alive").build();
        }
        var built = sse.newEventBuilder().id(event.id()).name(event.name()).data(event.data());
        if (JobEvent.STREAM_ERROR.equals(event.name())) {
            built.reconnectDelay(JobStreamer.RECONNECT.toMillis());
        }
        return built.build();
    }
}
