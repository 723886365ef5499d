package io.shotcraft.testing;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/** Lets a test decide when each step of a test job may run, so tests wait on conditions, never on time. */
public final class Gates {

    private static final Map<String, CompletableFuture<Void>> STEPS = new ConcurrentHashMap<>();

    private Gates() {
    }

    public static Uni<Void> await(String gate, int step) {
        return Uni.createFrom().completionStage(future(gate, step));
    }

    public static void open(String gate, int step) {
        future(gate, step).complete(null);
    }

    public static void openAll(String gate, int steps) {
        for (int i = 1; i <= steps; i++) {
            open(gate, i);
        }
    }

    private static CompletableFuture<Void> future(String gate, int step) {
        return STEPS.computeIfAbsent(gate + "#" + step, key -> new CompletableFuture<>());
    }
}
