package io.shotcraft.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Problem details for the errors that happen before a request reaches a REST resource: unknown routes
 * under {@code /api}, bodies over the size limit, failures in the HTTP layer.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    private final long maxBodySize;
    private final long bodyTimeoutMillis;
    private final Vertx vertx;

    public HttpErrorRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            HttpConfig config, Vertx vertx) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.bodyTimeoutMillis = Math.max(1, config.bodyTimeout().toMillis());
        this.vertx = vertx;
    }

    void install(@Observes Router router) {
        // What the HTTP decoder would answer with an empty body, answered here with a problem while the request is
        // within twice these limits (quarkus.http.limits.max-initial-line-length and max-header-size are set higher).
        router.route().order(-1000).handler(ctx -> {
            var request = ctx.request();
            if (request.uri().length() > MAX_URI_LENGTH) {
                write(ctx, Problem.of(ProblemType.URI_TOO_LONG, "The request URI is over " + MAX_URI_LENGTH + " characters"));
                return;
            }
            if (headersSize(request) > MAX_HEADERS_SIZE) {
                write(ctx, Problem.of(ProblemType.HEADERS_TOO_LARGE, "The request headers are over " + MAX_HEADERS_SIZE + " bytes"));
                return;
            }
            var length = request.getHeader("Content-Length");
            // Refuses a declared oversized body before anything reads it; the HTTP layer's own 413 has no body.
            if (length != null && isOver(length)) {
                write(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is over the limit of " + maxBodySize + " bytes"));
                return;
            }
            var contentType = request.getHeader("Content-Type");
            if (contentType != null && !isMediaType(contentType)) {
                write(ctx, Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The Content-Type header is not a media type; send application/json"));
                return;
            }
            // Without this, a body with no Content-Type reads as JSON, and a cross-site form can post to the API.
            if (contentType == null && hasBody(request) && request.path().startsWith("/api/")) {
                write(ctx, Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "A request with a body needs Content-Type: application/json"));
                return;
            }
            if (hasBody(request)) {
                bodyDeadline(ctx);
            }
            ctx.next();
        });
        // Quarkus's last failure handler would answer these with an empty body (a chunked body over the limit) or text.
        router.route().order(-1001).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                write(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is over the limit of " + maxBodySize + " bytes"));
            } else if (ctx.statusCode() == 400) {
                // e.g. a query string that does not decode (%%%), refused by Vert.x before any resource
                write(ctx, Problem.of(ProblemType.VALIDATION, "The request is malformed"));
            } else {
                ctx.next();
            }
        });
        // A chunked body declares no length: read it here, within the limit, so going over it answers a problem
        // (the REST layer's own reader answers 413 with an empty body and logs "Response has already been written").
        var chunked = BodyHandler.create(false).setBodyLimit(maxBodySize);
        router.route().order(-999).handler(ctx -> {
            // Multipart bodies are left to the REST layer's reader, which keeps their file parts (this one drops them).
            var type = ctx.request().getHeader("Content-Type");
            boolean multipart = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
            if (!multipart && ctx.request().getHeader("Content-Length") == null
                    && ctx.request().getHeader("Transfer-Encoding") != null) {
                chunked.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.errorHandler(404, ctx -> {
            if (ctx.request().path().startsWith("/api/")) {
                write(ctx, Problem.of(ProblemType.NOT_FOUND, "No resource at " + ctx.request().path()));
            } else {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("Not found");
            }
        });
        router.errorHandler(413, ctx -> write(ctx,
                Problem.of(ProblemType.PAYLOAD_TOO_LARGE, "The request body is over the size limit")));
        router.errorHandler(500, ctx -> {
            if (ctx.failure() != null) {
                Log.errorf(ctx.failure(), "Unhandled failure on %s", StorableText.forLog(ctx.request().path()));
            }
            var problem = ctx.failure() != null && ProblemMappers.isUnavailable(ctx.failure())
                    ? Problem.of(ProblemType.SERVICE_UNAVAILABLE, "A backing service is unavailable; try again shortly")
                    : Problem.of(ProblemType.INTERNAL, "The request could not be completed");
            write(ctx, problem);
        });
    }

    static final int MAX_URI_LENGTH = 4096;
    static final int MAX_HEADERS_SIZE = 20 * 1024;
    private static final java.util.regex.Pattern MEDIA_TYPE = java.util.regex.Pattern.compile(
            "[\\w!#$%&'*+.^`|~-]+/[\\w!#$%&'*+.^`|~-]+(\\s*;\\s*[\\w!#$%&'*+.^`|~-]+=(\"[^\"\\p{Cntrl}]*\"|[\\w!#$%&'*+.^`|~-]+))*\\s*");

    static boolean isMediaType(String value) {
        return MEDIA_TYPE.matcher(value.strip()).matches();
    }

    private static boolean hasBody(HttpServerRequest request) {
        var length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || length != null && !length.strip().equals("0");
    }

    private static long headersSize(HttpServerRequest request) {
        long size = 0;
        for (var header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** A body still incomplete after the timeout ends its request with 408 and its connection. */
    private void bodyDeadline(RoutingContext ctx) {
        var request = ctx.request();
        long timer = vertx.setTimer(bodyTimeoutMillis, id -> {
            if (request.isEnded()) {
                return;
            }
            Log.debugf("Request body on %s not complete after %d ms; closing the connection", StorableText.forLog(request.path()),
                    bodyTimeoutMillis);
            if (!ctx.response().headWritten()) {
                ctx.response().putHeader("Connection", "close");
                write(ctx, Problem.of(ProblemType.REQUEST_TIMEOUT, "The request body did not arrive within "
                        + bodyTimeoutMillis + " ms"));
            }
            request.connection().close();
        });
        ctx.addEndHandler(ignored -> vertx.cancelTimer(timer));
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void write(RoutingContext ctx, Problem problem) {
        if (ctx.response().headWritten()) {
            ctx.response().end();
            return;
        }
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem.withInstance(ctx.request().path()).withoutJavaNames()));
    }
}
