package io.shotcraft.platform;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Database work that runs to its end even when its caller goes away. A client that disconnects cancels the
 * request's {@link Uni}; passed up to a reactive Hibernate session with a statement in flight, that cancellation
 * closes the session under the statement ("HR000090: Live transaction detected", "possible non-threadsafe access
 * to session") and leaves the outcome of a write to chance. Here the cancellation stops at this boundary: the unit
 * of work commits or rolls back as it would have, and only its result is ignored.
 */
public final class Uncancellable {

    private Uncancellable() {
    }

    public static <T> Uni<T> of(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> work.get().subscribe().with(emitter::complete, emitter::fail));
    }
}
