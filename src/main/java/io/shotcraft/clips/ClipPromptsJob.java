package io.shotcraft.clips;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.jobs.JobCancelledException;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.smallrye.mutiny.Uni;

/**
 * Clip prompts run as a job, with the design's events: {@code stage_update} (prompt_generator started),
 * {@code progress} at each step, {@code prompt_generator_results} with every prompt, {@code stage_update}
 * completed, then the job's {@code completed} with the ClipPrompts; on failure {@code stage_update} failed, then
 * {@code failed} with the problem.
 */
@ApplicationScoped
public class ClipPromptsJob implements JobKind<ClipPromptsRequest> {

    public static final String NAME = "clips.prompts";
    static final String STAGE = "prompt_generator";

    private final ClipPromptService service;
    private final ClipRequests requests;

    public ClipPromptsJob(ClipPromptService service, ClipRequests requests) {
        this.service = service;
        this.requests = requests;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ClipPromptsRequest> inputType() {
        return ClipPromptsRequest.class;
    }

    @Override
    public void check(ClipPromptsRequest request, String prefix) {
        requests.check(request, prefix);
    }

    @Override
    public Uni<?> run(ClipPromptsRequest request, JobContext context) {
        return context.emit("stage_update", stage("started"))
                .chain(() -> service.generate(request, context.jobId(), context.jobId().toString(),
                        (percent, step) -> context.progress(percent, STAGE, step)))
                .call(result -> context.emit("prompt_generator_results", Results.of(result)))
                .call(() -> context.emit("stage_update", stage("completed")))
                .onFailure(failure -> !(failure instanceof JobCancelledException))
                .call(failure -> context.emit("stage_update", stage("failed")).onFailure().recoverWithNull());
    }

    private static Map<String, Object> stage(String status) {
        return Map.of("stage", STAGE, "status", status);
    }

    /** The design's payload of {@code prompt_generator_results}. */
    @RegisterForReflection
    record Results(int totalClips, double generationTime, boolean llmUsed,
            @JsonInclude(JsonInclude.Include.ALWAYS) String llmModel, List<ClipPrompt> clipPrompts) {

        static Results of(ClipPrompts result) {
            return new Results(result.totalClips(), result.generationTime(), result.llmUsed(), result.model(), result.clipPrompts());
        }
    }
}
