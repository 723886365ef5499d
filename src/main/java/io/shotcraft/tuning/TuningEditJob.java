package io.shotcraft.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.AiOptions;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * An edit run as a job, for the UI: {@code stage_update} (interpreting, regenerating), {@code token} events
 * carrying the regenerated prompt in chunks, {@code result} with the session, then {@code completed}.
 * The chunks are cut from the finished prompt: the model's structured answer arrives whole.
 */
@ApplicationScoped
public class TuningEditJob implements JobKind {

    public static final String NAME = "tuning.edit";
    private static final int WORDS_PER_TOKEN_EVENT = 4;

    private final TuningService service;
    private final ObjectMapper json;

    public TuningEditJob(TuningService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonNode validate(JsonNode input) {
        List<Problem.FieldError> errors = new ArrayList<>();
        var request = input == null ? "" : input.path("request").asText("").strip();
        if (request.isEmpty() || request.length() > 1000) {
            errors.add(new Problem.FieldError("input.request", "must be 1 to 1,000 characters"));
        }
        var engine = input == null ? null : input.path("options").path("engine").asText(null);
        if (engine != null && !List.of("auto", "llm", "offline").contains(engine)) {
            errors.add(new Problem.FieldError("input.options.engine", "must be auto, llm or offline"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "The edit job's input is invalid").withErrors(errors));
        }
        Ids.uuid(input.path("session_id").asText(""));
        return input;
    }

    @Override
    public Uni<?> run(JsonNode input, JobContext context) {
        var sessionId = UUID.fromString(input.path("session_id").asText());
        var options = new AiOptions(input.path("options").path("engine").asText(null), null);
        var edit = new TuningRequests.Edit(input.path("request").asText().strip(), options);
        return context.emit("stage_update", Map.of("stage", "interpreting", "status", "started"))
                .chain(() -> service.edit(sessionId, edit, context.jobId().toString()))
                .call(() -> context.emit("stage_update", Map.of("stage", "regenerating", "status", "started")))
                .call(view -> Multi.createFrom().iterable(chunks(view.prompt()))
                        .onItem().transformToUniAndConcatenate(chunk -> context.emit("token", Map.of("text", chunk)))
                        .collect().last())
                .call(view -> context.emit("result", json.valueToTree(view)));
    }

    static List<String> chunks(String prompt) {
        var words = prompt.split("(?<=\\s)");
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < words.length; i += WORDS_PER_TOKEN_EVENT) {
            chunks.add(String.join("", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + WORDS_PER_TOKEN_EVENT))));
        }
        return chunks;
    }
}
