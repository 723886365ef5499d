package io.shotcraft.renders;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.smallrye.mutiny.Uni;

/**
 * A render as a job ({@code renders.render}): {@code stage_update} (render started, with the backend),
 * {@code render_progress} at each new status of the backend ({@code backend}, {@code status}, {@code percent} or
 * null), {@code render_result} with the stored outputs, {@code stage_update} completed, then the job's
 * {@code completed}; on failure {@code stage_update} failed, then {@code failed} with a problem naming the backend and
 * why. The render's record has the job's id.
 */
@ApplicationScoped
public class RenderJob implements JobKind<RenderRequest> {

    public static final String NAME = "renders.render";

    private final RenderService service;

    public RenderJob(RenderService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RenderRequest> inputType() {
        return RenderRequest.class;
    }

    @Override
    public void check(RenderRequest request, String prefix) {
        service.check(request, prefix);
    }

    @Override
    public Uni<?> run(RenderRequest request, JobContext context) {
        return service.run(request, context);
    }
}
