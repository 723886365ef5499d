package io.shotcraft.renders.backend;

import io.smallrye.mutiny.Uni;

/** How a backend reports a render while it runs; each call is published before the backend goes on. */
public interface RenderProgress {

    /** The backend accepted the render under its own id (what a cancel names). */
    Uni<Void> accepted(String backendId);

    /** The backend's status, in its own words, and its percentage where it gives one (else null). */
    Uni<Void> status(String status, Integer percent);

    RenderProgress NONE = new RenderProgress() {
        @Override
        public Uni<Void> accepted(String backendId) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> status(String status, Integer percent) {
            return Uni.createFrom().voidItem();
        }
    };
}
