package io.shotcraft.learning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;

import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.smallrye.mutiny.Uni;

/**
 * An evolution as a job ({@code learning.evolve}): {@code progress}, then {@code evolution_result} (the versions
 * made, the engine that wrote them), then {@code completed}.
 */
@ApplicationScoped
public class EvolveJob implements JobKind<EvolveRequest> {

    public static final String NAME = "learning.evolve";

    // A provider: Evolutions submits this kind, and this kind runs Evolutions.
    private final Provider<Evolutions> evolutions;

    public EvolveJob(Provider<Evolutions> evolutions) {
        this.evolutions = evolutions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<EvolveRequest> inputType() {
        return EvolveRequest.class;
    }

    @Override
    public Uni<?> run(EvolveRequest input, JobContext context) {
        return evolutions.get().run(input, context);
    }
}
