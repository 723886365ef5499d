package io.shotcraft.renders.backend;

import io.smallrye.mutiny.Uni;

/**
 * An image or video generator Shotcraft can send a prompt to. Implementations never block a thread: HTTP calls are
 * reactive REST clients, waits are timers.
 */
public interface RenderBackend {

    /** The name requests and settings use ({@code offline}, {@code openai-images}, {@code predictions}, {@code leonardo}). */
    String name();

    /** Whether it can be used: configured (an API key) or always there (offline). */
    boolean enabled();

    /** The model used when a request names none; null when the request must name one. */
    String defaultModel();

    /** Whether it takes a video request ({@code duration_seconds}); image-only backends refuse one with a 400. */
    default boolean videos() {
        return false;
    }

    /** Runs one render to its end: the outputs, or a failure that is a {@link BackendFailure}. */
    Uni<BackendResult> render(RenderSpec spec, RenderProgress progress);

    /** Asks the backend to stop a render it accepted; false when it has no way to. */
    default Uni<Boolean> cancel(String backendId) {
        return Uni.createFrom().item(false);
    }
}
