package io.shotcraft.platform;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every API request has a correlation id: the client's {@code X-Request-Id} when it sends a sane one, else
 * a new one. Resources read it from the request header; the response echoes it; logs and usage records
 * carry it.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The log field of the request id. */
    public static final String MDC_KEY = "request_id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        var given = request.getHeaderString(HEADER);
        if (given == null || !SANE.matcher(given).matches()) {
            given = UUID.randomUUID().toString();
            request.getHeaders().putSingle(HEADER, given);
        }
        // Every log line of the request carries it (the MDC lives in the request's Vert.x context).
        MDC.put(MDC_KEY, given);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        var id = request.getHeaderString(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
