package io.shotcraft.testing;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A job kind that exists only in the tests: {@code steps} steps, each publishing a {@code tick} event and a
 * progress event; with {@code gate}, each step waits until the test opens it; {@code fail_at} fails a step.
 */
@ApplicationScoped
public class StepsJobKind implements JobKind {

    public static final String NAME = "test.steps";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode validate(JsonNode input) {
        if (input == null || !input.path("steps").canConvertToInt() || input.path("steps").asInt() < 1
                || input.path("steps").asInt() > 100) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "input.steps must be an integer from 1 to 100")
                    .withErrors(List.of(new Problem.FieldError("input.steps", "must be an integer from 1 to 100"))));
        }
        return input;
    }

    @Override
    public Uni<?> run(JsonNode input, JobContext context) {
        int steps = input.get("steps").asInt();
        String gate = input.path("gate").asText(null);
        int failAt = input.path("fail_at").asInt(0);
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
