package io.shotcraft.jobs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;

/**
 * Resolves a job's event stream before the SSE response starts, so an unknown job, a bad id or a bad
 * {@code Last-Event-ID} still get a problem+json status instead of a broken stream, a client over the instance's
 * stream limit gets 429 with {@code Retry-After}, and a client that has already seen the end gets 204 (which tells an
 * EventSource to stop reconnecting).
 */
public class JobStreamFilter {

    static final String SUBSCRIPTION = JobStreamFilter.class.getName() + ".subscription";

    private final JobStreamer streamer;

    public JobStreamFilter(JobStreamer streamer) {
        this.streamer = streamer;
    }

    @ServerRequestFilter
    @JobStreamEndpoint
    public Uni<Response> resolve(ContainerRequestContext request, HttpServerResponse response) {
        var jobId = Ids.uuid(request.getUriInfo().getPathParameters().getFirst("id"));
        try {
            return streamer.subscribe(jobId, request.getHeaderString("Last-Event-ID")).map(subscription -> {
                if (subscription.alreadyEnded()) {
                    return Response.noContent().build();
                }
                request.setProperty(SUBSCRIPTION, subscription);
                // Set on the HTTP response itself: an SSE response starts before any JAX-RS response header is applied.
                response.putHeader("Cache-Control", "no-cache");
                // Tells nginx-style proxies not to buffer the stream.
                response.putHeader("X-Accel-Buffering", "no");
                return null;
            });
        } catch (ProblemException e) {
            if (e.problem().status() != 429) {
                throw e;
            }
            // The exception mappers add no Retry-After: this answer is built here.
            return Uni.createFrom().item(Response.status(429).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", JobStreamer.RECONNECT.toSeconds())
                    .entity(e.problem().withInstance(request.getUriInfo().getPath()))
                    .build());
        }
    }
}
