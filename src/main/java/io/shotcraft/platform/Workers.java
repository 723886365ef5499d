package io.shotcraft.platform;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;

/**
 * CPU work (offline engines, extraction, templates) and blocking calls off the event loop: run on a worker thread,
 * with the result delivered back on the Vert.x context of the caller, where reactive database sessions and the rest
 * of the request continue.
 */
public final class Workers {

    private Workers() {
    }

    public static <T> Uni<T> run(Supplier<T> work) {
        return run(work, callersContext());
    }

    /** As {@link #run(Supplier)}, the result delivered through {@code back} (a context captured earlier). */
    public static <T> Uni<T> run(Supplier<T> work, Executor back) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back);
    }

    /** Where a result goes back to: the current Vert.x context, or the delivering thread outside one. */
    public static Executor callersContext() {
        var context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
