package io.shotcraft.targets;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.jobs.JobCancelledException;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.smallrye.mutiny.Uni;

/**
 * Target prompts as a job, for a prompt, a session or every clip of a clip-prompts job: {@code stage_update} (target_prompts started), {@code progress} at each step,
 * {@code target_prompts} with the answer (a {@link TargetPrompts}, or for clips a {@link ClipTargetPrompts}), {@code stage_update} completed, then the job's {@code completed}; on
 * failure {@code stage_update} failed, then {@code failed} with the problem.
 */
@ApplicationScoped
public class TargetsJob implements JobKind<TargetPromptsRequest> {

    public static final String NAME = "targets.prompts";
    static final String STAGE = "target_prompts";

    private final TargetService service;

    public TargetsJob(TargetService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TargetPromptsRequest> inputType() {
        return TargetPromptsRequest.class;
    }

    @Override
    public void check(TargetPromptsRequest request, String prefix) {
        service.check(request, prefix);
    }

    @Override
    public Uni<?> run(TargetPromptsRequest request, JobContext context) {
        return context.emit("stage_update", stage("started"))
                .chain(() -> {
                    TargetService.Progress progress = (percent, step) -> context.progress(percent, STAGE, step);
                    return request.clipsJobId() == null
                            ? service.generate(request, context.jobId().toString(), progress)
                            : service.generateForClips(request, context.jobId().toString(), progress);
                })
                .call(result -> context.emit(STAGE, result))
                .call(() -> context.emit("stage_update", stage("completed")))
                .onFailure(failure -> !(failure instanceof JobCancelledException))
                .call(failure -> context.emit("stage_update", stage("failed")).onFailure().recoverWithNull());
    }

    private static Map<String, Object> stage(String status) {
        return Map.of("stage", STAGE, "status", status);
    }
}
