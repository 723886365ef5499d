package io.shotcraft.testing;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A job kind that exists only in the tests: {@code steps} steps, each publishing a {@code tick} event and a
 * progress event; with {@code gate}, each step waits until the test opens it; {@code fail_at} fails a step.
 */
@ApplicationScoped
public class StepsJobKind implements JobKind<StepsJobKind.Steps> {

    /** {@code steps} steps (1 to 100); with {@code gate}, each waits for the test; {@code fail_at} fails one. */
    public record Steps(@NotNull @Min(1) @Max(100) Integer steps, String gate, Integer failAt) {
    }

    public static final String NAME = "test.steps";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<Steps> inputType() {
        return Steps.class;
    }

    @Override
    public Uni<?> run(Steps input, JobContext context) {
        int steps = input.steps();
        String gate = input.gate();
        int failAt = input.failAt() == null ? 0 : input.failAt();
        return Multi.createFrom().range(1, steps + 1)
                .onItem().transformToUniAndConcatenate(step -> (gate == null ? Uni.createFrom().voidItem() : Gates.await(gate, step))
                        .chain(() -> {
                            if (step == failAt) {
                                throw new ProblemException(ProblemType.JOB_FAILED, "Step " + step + " failed on purpose");
                            }
                            return context.emit("tick", Map.of("step", step));
                        })
                        .chain(() -> context.progress(step * 100 / steps, "step " + step)))
                .collect().last()
                .replaceWith(() -> Map.of("steps", steps, "sum", steps * (steps + 1) / 2));
    }
}
