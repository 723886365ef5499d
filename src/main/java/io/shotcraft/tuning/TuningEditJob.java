package io.shotcraft.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

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
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

/**
 * An edit run as a job, for the UI: {@code stage_update} (interpreting, regenerating), {@code token} events
 * carrying the regenerated prompt as the model streams it (or, offline and from the cache, in chunks of the
 * finished prompt), {@code result} with the session, then {@code completed}.
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
        // Events leave in order through one queue, whichever thread produced them (a model streams on its own).
        var events = UnicastProcessor.<Map.Entry<String, Object>> create();
        var publishing = events.onItem().transformToUniAndConcatenate(e -> context.emit(e.getKey(), e.getValue()))
                .collect().last().replaceWithVoid();
        var deltas = new PromptDeltas("prompt");
        var streamed = new AtomicBoolean();
        Consumer<String> partials = piece -> {
            var delta = deltas.feed(piece);
            if (delta.isEmpty()) {
                return;
            }
            if (streamed.compareAndSet(false, true)) {
                events.onNext(Map.entry("stage_update", Map.of("stage", "regenerating", "status", "started")));
            }
            events.onNext(Map.entry("token", Map.of("text", delta)));
        };
        events.onNext(Map.entry("stage_update", Map.of("stage", "interpreting", "status", "started")));
        var editing = service.edit(sessionId, edit, context.jobId().toString(), partials)
                .onTermination().invoke(events::onComplete);
        return Uni.combine().all().unis(editing, publishing).with((view, ignored) -> view)
                .call(view -> streamed.get() ? Uni.createFrom().voidItem() : replay(view.prompt(), context))
                .call(view -> context.emit("result", json.valueToTree(view)));
    }

    /** Without a streaming model (offline, cached), the finished prompt is sent in chunks all the same. */
    private static Uni<Void> replay(String prompt, JobContext context) {
        return context.emit("stage_update", Map.of("stage", "regenerating", "status", "started"))
                .chain(() -> Multi.createFrom().iterable(chunks(prompt))
                        .onItem().transformToUniAndConcatenate(chunk -> context.emit("token", Map.of("text", chunk)))
                        .collect().last().replaceWithVoid());
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
