package io.shotcraft.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem details for the errors that happen before a request reaches a REST resource: unknown routes
 * under {@code /api}, bodies over the size limit, failures in the HTTP layer.
 */
@ApplicationScoped
public class HttpErrorRoutes {

    private final long maxBodySize;

    public HttpErrorRoutes(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Refuses a declared oversized body before anything reads it; the HTTP layer's own 413 has no body.
        router.route().order(-1000).handler(ctx -> {
            var length = ctx.request().getHeader("Content-Length");
            if (length != null && isOver(length)) {
                write(ctx, Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                        "The request body is over the limit of " + maxBodySize + " bytes"));
                return;
            }
            ctx.next();
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
                Log.errorf(ctx.failure(), "Unhandled failure on %s", ctx.request().path());
            }
            var problem = ctx.failure() != null && ProblemMappers.isUnavailable(ctx.failure())
                    ? Problem.of(ProblemType.SERVICE_UNAVAILABLE, "A backing service is unavailable; try again shortly")
                    : Problem.of(ProblemType.INTERNAL, "The request could not be completed");
            write(ctx, problem);
        });
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
                .end(Json.encode(problem.withInstance(ctx.request().path())));
    }
}
