package io.shotcraft.learning;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.smallrye.mutiny.Uni;

/**
 * A trial as a job ({@code learning.trial}): {@code trial_started} (the options' points and versions), each option's
 * {@code stage_update} and {@code render_progress} and {@code render_result}, {@code trial_ready} (the trial in the
 * design's shape, ready to rate), then {@code completed} with the same trial.
 */
@ApplicationScoped
public class TrialJob implements JobKind<TrialRequest> {

    public static final String NAME = "learning.trial";

    private final TrialService service;

    public TrialJob(TrialService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TrialRequest> inputType() {
        return TrialRequest.class;
    }

    @Override
    public Uni<?> run(TrialRequest input, JobContext context) {
        return service.run(input, context);
    }
}
