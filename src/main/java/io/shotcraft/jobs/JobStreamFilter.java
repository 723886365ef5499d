package io.shotcraft.jobs;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.shotcraft.platform.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;

/**
 * Resolves a job's event stream before the SSE response starts, so an unknown job, a bad id, a bad
 * {@code Last-Event-ID} or a stream over the instance's limit (429 with {@code Retry-After}) still get a problem+json
 * status instead of a broken stream, and a client that has already seen the end gets 204 (which tells an
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
    }
}
