package io.shotcraft.learning;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What learning does, counted: trials drawn (screened by the reward model or not), ratings stored, A/B decisions and
 * evolutions by trigger and engine. The figures that describe a study (samples, best rating, convergence) are in its
 * status, not here: they belong to the study, not to the pod.
 */
@ApplicationScoped
public class LearningMetrics {

    private final MeterRegistry registry;
    private final Counter ratings;

    public LearningMetrics(MeterRegistry registry) {
        this.registry = registry;
        ratings = Counter.builder("shotcraft.learning.ratings").description("Trials rated (each rates all its options)")
                .register(registry);
    }

    void trialDrawn(boolean screened) {
        Counter.builder("shotcraft.learning.trials").description("Trials drawn, screened by the reward model or not")
                .tag("screened", Boolean.toString(screened)).register(registry).increment();
    }

    void rated() {
        ratings.increment();
    }

    void abDecided(String decision) {
        Counter.builder("shotcraft.learning.ab.decisions").description("A/B tests decided, by decision")
                .tag("decision", decision).register(registry).increment();
    }

    void evolved(String trigger, String engine) {
        Counter.builder("shotcraft.learning.evolutions").description("Evolutions finished, by trigger and engine")
                .tag("trigger", trigger).tag("engine", engine).register(registry).increment();
    }
}
