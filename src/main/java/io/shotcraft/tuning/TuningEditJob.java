package io.shotcraft.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.shotcraft.ai.AiOptions;
import io.shotcraft.ai.Partials;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobKind;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

/**
 * An edit run as a job, for the UI: {@code stage_update} (interpreting, regenerating), {@code token} events
 * carrying the regenerated prompt as the model streams it (or, offline and from the cache, in chunks of the
 * finished prompt), {@code token_reset} when streamed tokens are to be discarded, {@code result} with the session,
 * then {@code completed}.
 */
@ApplicationScoped
public class TuningEditJob implements JobKind<TuningEditJob.Input> {

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

    /** What an edit job is asked: the session, the change request and the request's options. */
    @RegisterForReflection
    public record Input(
            @NotNull UUID sessionId,
            @NotBlank @Size(max = 1000) String request,
            @Valid AiOptions options) {
    }

    @Override
    public Class<Input> inputType() {
        return Input.class;
    }

    @Override
    public Uni<?> run(Input input, JobContext context) {
        var edit = new TuningRequests.Edit(input.request().strip(), input.options());
        // Events leave in order through one queue, whichever thread produced them (a model streams on its own).
        var events = UnicastProcessor.<Map.Entry<String, Object>> create();
        var publishing = events.onItem().transformToUniAndConcatenate(e -> context.emit(e.getKey(), e.getValue()))
                .collect().last().replaceWithVoid();
        var partials = new StreamedPrompt(events);
        events.onNext(Map.entry("stage_update", Map.of("stage", "interpreting", "status", "started")));
        var editing = service.edit(input.sessionId(), edit, context.jobId().toString(), partials)
                .onTermination().invoke(events::onComplete);
        return Uni.combine().all().unis(editing, publishing).with((view, ignored) -> view)
                .call(view -> partials.streamed() ? Uni.createFrom().voidItem() : replay(view.prompt(), partials.announced(), context))
                .call(view -> context.emit("result", json.valueToTree(view)));
    }

    /**
     * The model's streamed answer, as {@code token} events of the decoded prompt. When a streamed answer is rejected
     * (a broken rule sent back for repair, a retry, the offline engine answering instead), a {@code token_reset} event
     * tells the client to discard the tokens it has, before any replacement arrives.
     */
    private static final class StreamedPrompt implements Partials {
        private final UnicastProcessor<Map.Entry<String, Object>> events;
        private PromptDeltas deltas = new PromptDeltas("prompt");
        private volatile boolean streamed;
        private volatile boolean announced;

        StreamedPrompt(UnicastProcessor<Map.Entry<String, Object>> events) {
            this.events = events;
        }

        @Override
        public synchronized void piece(String text) {
            var delta = deltas.feed(text);
            if (delta.isEmpty()) {
                return;
            }
            if (!announced) {
                announced = true;
                events.onNext(Map.entry("stage_update", Map.of("stage", "regenerating", "status", "started")));
            }
            streamed = true;
            events.onNext(Map.entry("token", Map.of("text", delta)));
        }

        @Override
        public synchronized void reset() {
            if (streamed) {
                events.onNext(Map.entry("token_reset", Map.of("reason", "the streamed answer was rejected")));
            }
            streamed = false;
            deltas = new PromptDeltas("prompt");
        }

        /** Whether the tokens sent since the last reset are the final prompt's. */
        boolean streamed() {
            return streamed;
        }

        boolean announced() {
            return announced;
        }
    }

    /** Without a streaming model (offline, cached, or a streamed answer replaced), the prompt is sent in chunks all the same. */
    private static Uni<Void> replay(String prompt, boolean announced, JobContext context) {
        var stage = announced ? Uni.createFrom().voidItem()
                : context.emit("stage_update", Map.of("stage", "regenerating", "status", "started"));
        return stage.chain(() -> Multi.createFrom().iterable(chunks(prompt))
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
