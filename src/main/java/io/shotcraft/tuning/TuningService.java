package io.shotcraft.tuning;

import io.shotcraft.parameters.Parameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.AiOptions;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiRequest;
import io.shotcraft.ai.AiTaskRunner;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.LlmCall;
import io.shotcraft.ai.LlmFailure;
import io.shotcraft.ai.Prompt;
import io.shotcraft.ai.Prompts;
import io.shotcraft.ai.Usage;
import io.shotcraft.enhance.EnhanceRequest;
import io.shotcraft.enhance.EnhanceService;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.ShotcraftConfig;
import io.shotcraft.tuning.offline.OfflineEditInterpreter;
import io.shotcraft.parameters.offline.OfflineParameterExtractor;
import io.shotcraft.tuning.offline.OfflinePromptWriter;
import io.shotcraft.tuning.offline.OfflineSuggester;
import io.shotcraft.tuning.offline.PromptRules;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tuning sessions: extract a prompt's parameters, change them by conversation or in a batch, regenerate the
 * prompt with a minimal edit, keep every revision, revert. Each user works in a session of their own.
 */
@ApplicationScoped
public class TuningService {

    static final String EXTRACT = "tuning-extract";
    static final String EDIT = "tuning-edit";
    private static final int OFFLINE_CONFLICT_RETRIES = 3;
    private static final TypeReference<List<Parameter>> PARAMETERS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final AiTaskRunner runner;
    private final Prompts prompts;
    private final TuningRepository repository;
    private final OfflineParameterExtractor extractor;
    private final OfflineEditInterpreter interpreter;
    private final OfflinePromptWriter writer;
    private final OfflineSuggester suggester;
    private final EnhanceService enhancer;
    private final ObjectMapper json;
    private final ShotcraftConfig.Ai ai;

    public TuningService(AiTaskRunner runner, Prompts prompts, TuningRepository repository, OfflineParameterExtractor extractor,
            OfflineEditInterpreter interpreter, OfflinePromptWriter writer, OfflineSuggester suggester, EnhanceService enhancer,
            ObjectMapper json, ShotcraftConfig config) {
        this.runner = runner;
        this.prompts = prompts;
        this.repository = repository;
        this.extractor = extractor;
        this.interpreter = interpreter;
        this.writer = writer;
        this.suggester = suggester;
        this.enhancer = enhancer;
        this.json = json;
        this.ai = config.ai();
    }

    /** The result of interpreting and applying one edit; {@code violations} of PromptRules, empty when it is sound. */
    record EditResult(EditPlan plan, List<Parameter> after, String prompt, List<String> violations) {

        EditResult(EditPlan plan, List<Parameter> after, String prompt) {
            this(plan, after, prompt, List.of());
        }
    }

    public Uni<SessionView> start(TuningRequests.Start request, String correlationId) {
        var options = request.options() == null ? AiOptions.DEFAULT : request.options();
        Uni<String> prompt = Boolean.TRUE.equals(request.enhance())
                ? enhancer.enhance(new EnhanceRequest(request.prompt(), null, null, null, null, null, null, options), correlationId)
                        .map(e -> e.enhanced())
                : Uni.createFrom().item(request.prompt().strip());
        return prompt.chain(text -> extract(text, options, correlationId).chain(outcome -> {
            var now = now();
            var session = new TuningSession();
            session.id = UUID.randomUUID();
            session.revision = 1;
            session.createdAt = now;
            session.updatedAt = now;
            var first = revision(session.id, 1, text, outcome.value(), null, List.of(), outcome.engine(), outcome.model(), now);
            return repository.create(session, first).map(saved -> view(session, saved, List.of(), null, outcome));
        }));
    }

    public Uni<SessionView> get(UUID id) {
        return repository.session(id).chain(session -> session == null
                ? Uni.createFrom().nullItem()
                : repository.latest(id).map(latest -> view(session, latest, changes(latest), null, null)));
    }

    public Uni<List<Suggestion>> suggestions(UUID id) {
        return latestOrFail(id).map(latest -> suggester.suggest(latest.prompt, parameters(latest)));
    }

    public Uni<List<RevisionView>> history(UUID id) {
        return repository.history(id).map(revisions -> revisions.stream().map(this::revisionView).toList());
    }

    public Uni<Boolean> delete(UUID id) {
        return repository.delete(id);
    }

    /** A page of sessions, most recently updated first, and the cursor of the next page (null at the end). */
    public Uni<Map<String, Object>> list(int limit, String cursor) {
        OffsetDateTime at = null;
        UUID before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("/", 2);
                at = Instant.parse(parts[0]).atOffset(ZoneOffset.UTC);
                before = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw new ProblemException(ProblemType.VALIDATION, "cursor is not one this API gave out");
            }
        }
        return repository.page(limit + 1, at, before).chain(sessions -> {
            var page = sessions.subList(0, Math.min(limit, sessions.size()));
            var next = sessions.size() > limit ? cursor(page.getLast()) : null;
            // One after another: a reactive session runs one query at a time.
            return Multi.createFrom().iterable(page)
                    .onItem().transformToUniAndConcatenate(s -> repository.latest(s.id).map(r -> summary(s, r)))
                    .collect().asList().map(list -> {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("items", list);
                result.put("next_cursor", next);
                return result;
            });
        });
    }

    public Uni<SessionView> edit(UUID id, TuningRequests.Edit request, String correlationId) {
        return edit(id, request, correlationId, null);
    }

    /** An edit whose model answer, when the model streams, hands each piece of its text to {@code partials}. */
    public Uni<SessionView> edit(UUID id, TuningRequests.Edit request, String correlationId, Consumer<String> partials) {
        var options = request.options() == null ? AiOptions.DEFAULT : request.options();
        return editAttempt(id, request.request(), options, correlationId, partials, 1);
    }

    private Uni<SessionView> editAttempt(UUID id, String text, AiOptions options, String correlationId, Consumer<String> partials,
            int attempt) {
        return latestOrFail(id).chain(latest -> interpret(latest, text, options, correlationId, partials).chain(outcome -> {
            var result = outcome.value();
            if (result.plan().isEmpty()) {
                return repository.session(id).map(session -> view(session, latest, List.of(),
                        "Nothing in the request applies to this prompt; no revision was made", outcome));
            }
            var next = revision(id, latest.number + 1, result.prompt(), result.after(), text, result.plan().changes(),
                    outcome.engine(), outcome.model(), now());
            return repository.append(next, next.createdAt)
                    .chain(saved -> repository.session(id).map(session -> view(session, saved, result.plan().changes(), null, outcome)));
        })).onFailure(e -> isConflict(e) && attempt < OFFLINE_CONFLICT_RETRIES && !wantsLlm(options))
                .recoverWithUni(() -> editAttempt(id, text, options, correlationId, partials, attempt + 1));
    }

    public Uni<SessionView> patch(UUID id, TuningRequests.Patch patch) {
        return latestOrFail(id).chain(latest -> {
            var before = parameters(latest);
            var names = new HashSet<String>();
            before.forEach(p -> names.add(p.name()));
            List<Problem.FieldError> unknown = new ArrayList<>();
            var removals = patch.remove() == null ? List.<String> of() : patch.remove();
            for (int i = 0; i < removals.size(); i++) {
                if (!names.contains(removals.get(i))) {
                    unknown.add(new Problem.FieldError("remove[" + i + "]", "no parameter '" + removals.get(i) + "'"));
                }
            }
            if (!unknown.isEmpty()) {
                throw new ProblemException(Problem.of(ProblemType.UNPROCESSABLE, "remove names parameters the session does not have")
                        .withErrors(unknown));
            }
            List<ParameterUpdate> updates = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            (patch.set() == null ? Map.<String, String> of() : patch.set()).forEach((name, value) -> {
                int at = ParameterList.indexOf(before, name);
                if (at >= 0 && before.get(at).value().equals(value.strip())) {
                    return;
                }
                updates.add(at >= 0 ? ParameterUpdate.set(name, value.strip()) : ParameterUpdate.add(name, value.strip()));
                changes.add(at >= 0 ? "Set " + name + " from \"" + before.get(at).value() + "\" to \"" + value.strip() + "\""
                        : "Added " + name + ": \"" + value.strip() + "\"");
            });
            removals.forEach(name -> {
                updates.add(ParameterUpdate.remove(name));
                changes.add("Removed " + name + " (\"" + before.get(ParameterList.indexOf(before, name)).value() + "\")");
            });
            if (updates.isEmpty()) {
                return repository.session(id).map(session -> view(session, latest, List.of(), "The patch changes nothing; no revision was made", null));
            }
            var after = ParameterList.apply(before, updates);
            var prompt = writer.regenerate(latest.prompt, before, after);
            var next = revision(id, latest.number + 1, prompt, after, null, changes, Engine.OFFLINE, null, now());
            return repository.append(next, next.createdAt)
                    .chain(saved -> repository.session(id).map(session -> view(session, saved, changes, null, null)));
        });
    }

    public Uni<SessionView> revert(UUID id, int number) {
        return latestOrFail(id).chain(latest -> {
            if (number > latest.number) {
                throw new ProblemException(Problem.of(ProblemType.UNPROCESSABLE,
                        "Session " + id + " has no revision " + number + " (latest is " + latest.number + ")")
                        .withErrors(List.of(new Problem.FieldError("revision", "no such revision"))));
            }
            return repository.revision(id, number).chain(target -> {
                var changes = List.of("Reverted to revision " + number);
                var next = revision(id, latest.number + 1, target.prompt, parameters(target), "revert to revision " + number,
                        changes, Engine.valueOf(target.engine.toUpperCase(java.util.Locale.ROOT)), target.model, now());
                return repository.append(next, next.createdAt)
                        .chain(saved -> repository.session(id).map(session -> view(session, saved, changes, null, null)));
            });
        });
    }

    private Uni<TuningRevision> latestOrFail(UUID id) {
        return repository.latest(id).map(latest -> {
            if (latest == null) {
                throw ProblemException.notFound("No session " + id);
            }
            return latest;
        });
    }

    private Uni<AiOutcome<List<Parameter>>> extract(String prompt, AiOptions options, String correlationId) {
        var system = prompts.get("shared/structured-answer.md", "tuning/extract.md");
        var schema = prompts.get("tuning/extract.schema.json");
        var task = ai.tasks().get(EXTRACT);
        var call = new LlmCall(EXTRACT, task.model(), system.text(), prompt, null, "prompt_parameters", schema.text(), null,
                task.temperature(), task.maxTokens(), task.timeout());
        return runner.run(new AiRequest<>(call, Prompt.versionOf(system, schema), prompt, options, correlationId,
                this::parametersFromModel, () -> extractor.extract(prompt)));
    }

    /**
     * One model call interprets and regenerates. An answer whose prompt breaks PromptRules gets one repair call
     * naming the broken rules; if the repair breaks them too, the offline engine answers.
     */
    private Uni<AiOutcome<EditResult>> interpret(TuningRevision latest, String request, AiOptions options, String correlationId,
            Consumer<String> partials) {
        return runner.run(editRequest(latest, request, options, correlationId, null, partials)).chain(outcome -> {
            if (outcome.engine() != Engine.LLM || outcome.value().violations().isEmpty()) {
                return Uni.createFrom().item(outcome);
            }
            var broken = outcome.value().violations();
            return runner.run(editRequest(latest, request, options, correlationId, broken, null)).map(repaired -> {
                var spent = new Usage(outcome.usage().tokensIn() + repaired.usage().tokensIn(),
                        outcome.usage().tokensOut() + repaired.usage().tokensOut(),
                        outcome.usage().costUsd().add(repaired.usage().costUsd()));
                if (repaired.engine() == Engine.LLM && repaired.value().violations().isEmpty()) {
                    return new AiOutcome<>(repaired.value(), Engine.LLM, repaired.model(), repaired.cached(), spent, null,
                            repaired.promptVersion());
                }
                var offline = editOffline(latest.prompt, parameters(latest), request);
                return new AiOutcome<>(offline, Engine.OFFLINE, null, false, spent, "rules_broken", outcome.promptVersion());
            });
        });
    }

    private AiRequest<EditResult> editRequest(TuningRevision latest, String request, AiOptions options, String correlationId,
            List<String> broken, Consumer<String> partials) {
        var before = parameters(latest);
        var system = prompts.get("shared/structured-answer.md", "tuning/edit.md");
        var user = prompts.get("tuning/edit.user.md");
        var schema = prompts.get("tuning/edit.schema.json");
        var task = ai.tasks().get(EDIT);
        var userText = user.render(Map.of("prompt", latest.prompt, "parameters", latest.parameters, "request", request));
        if (broken != null) {
            userText += "\n\nYour previous answer broke these rules; answer again and keep them:\n- " + String.join("\n- ", broken);
        }
        var call = new LlmCall(EDIT, task.model(), system.text(), userText, null, "prompt_edit", schema.text(), null,
                task.temperature(), task.maxTokens(), task.timeout(), partials);
        Map<String, Object> cacheInput = new LinkedHashMap<>();
        cacheInput.put("prompt", latest.prompt);
        cacheInput.put("parameters", before);
        cacheInput.put("request", request);
        cacheInput.put("repair", broken);
        return new AiRequest<>(call, Prompt.versionOf(system, user, schema), cacheInput, options, correlationId,
                answer -> editFromModel(latest.prompt, before, answer),
                () -> editOffline(latest.prompt, before, request));
    }

    private EditResult editOffline(String prompt, List<Parameter> before, String request) {
        var plan = interpreter.interpret(before, request).orElseThrow(() -> new ProblemException(ProblemType.EDIT_NOT_UNDERSTOOD,
                "The offline engine cannot interpret this request; rephrase it (e.g. \"change X to Y\", \"remove X\", "
                        + "\"add Y\") or use the LLM engine"));
        if (plan.isEmpty()) {
            return new EditResult(plan, before, prompt);
        }
        var after = ParameterList.apply(before, plan.updates());
        return new EditResult(plan, after, writer.regenerate(prompt, before, after));
    }

    private EditResult editFromModel(String prompt, List<Parameter> before, JsonNode answer) {
        List<ParameterUpdate> updates = new ArrayList<>();
        for (JsonNode u : answer.path("updates")) {
            var op = ParameterUpdate.Op.valueOf(u.path("op").asText().toUpperCase(java.util.Locale.ROOT));
            var value = u.path("value").isNull() ? null : u.path("value").asText().strip();
            if (op != ParameterUpdate.Op.REMOVE && (value == null || value.isEmpty())) {
                throw new LlmFailure(LlmFailure.Reason.INVALID_OUTPUT, "The model set " + u.path("name").asText() + " to nothing");
            }
            updates.add(new ParameterUpdate(op, u.path("name").asText(), value));
        }
        List<String> changes = json.convertValue(answer.path("changes"), STRINGS);
        if (!answer.path("applicable").asBoolean() || updates.isEmpty()) {
            return new EditResult(EditPlan.NOTHING, before, prompt);
        }
        var after = ParameterList.apply(before, updates);
        var regenerated = answer.path("prompt").asText().strip();
        return new EditResult(new EditPlan(updates, changes), after, regenerated, PromptRules.violations(regenerated, before, after));
    }

    private List<Parameter> parametersFromModel(JsonNode answer) {
        List<Parameter> parameters = new ArrayList<>();
        var seen = new HashSet<String>();
        for (JsonNode p : answer.path("parameters")) {
            var name = p.path("name").asText();
            var value = p.path("value").asText().strip();
            if (value.isEmpty() || !seen.add(name)) {
                throw new LlmFailure(LlmFailure.Reason.INVALID_OUTPUT, "The model gave an empty or repeated parameter " + name);
            }
            parameters.add(new Parameter(name, value));
        }
        if (parameters.isEmpty()) {
            throw new LlmFailure(LlmFailure.Reason.INVALID_OUTPUT, "The model found no parameters");
        }
        return List.copyOf(parameters);
    }

    private TuningRevision revision(UUID sessionId, int number, String prompt, List<Parameter> parameters, String request,
            List<String> changes, Engine engine, String model, OffsetDateTime at) {
        var revision = new TuningRevision();
        revision.sessionId = sessionId;
        revision.number = number;
        revision.prompt = prompt;
        revision.parameters = write(parameters);
        revision.request = request;
        revision.changes = write(changes);
        revision.engine = engine.wire();
        revision.model = model;
        revision.createdAt = at;
        return revision;
    }

    private SessionView view(TuningSession session, TuningRevision revision, List<String> changes, String message,
            AiOutcome<?> outcome) {
        boolean cached = outcome != null && outcome.cached();
        String fallback = outcome == null ? null : outcome.fallbackReason();
        String engine = outcome == null ? revision.engine : outcome.engine().wire();
        String model = outcome == null ? revision.model : outcome.model();
        return new SessionView(session.id, revision.number, revision.prompt, ParameterList.asMap(parameters(revision)), changes,
                message, engine, model, cached, fallback, session.createdAt, session.updatedAt);
    }

    private Map<String, Object> summary(TuningSession session, TuningRevision latest) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", session.id);
        item.put("revision", session.revision);
        item.put("prompt", latest == null ? null : latest.prompt);
        item.put("created_at", session.createdAt);
        item.put("updated_at", session.updatedAt);
        return item;
    }

    private RevisionView revisionView(TuningRevision r) {
        return new RevisionView(r.number, r.prompt, ParameterList.asMap(parameters(r)), r.request, changes(r), r.engine, r.model,
                r.createdAt);
    }

    private List<Parameter> parameters(TuningRevision revision) {
        return read(revision.parameters, PARAMETERS);
    }

    private List<String> changes(TuningRevision revision) {
        return read(revision.changes, STRINGS);
    }

    private static String cursor(TuningSession last) {
        var raw = last.updatedAt.toInstant().toString() + "/" + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isConflict(Throwable e) {
        return e instanceof ProblemException p && p.problem().status() == 409;
    }

    private boolean wantsLlm(AiOptions options) {
        return !options.wantsOffline() && runner.llmAvailable();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not valid JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        // Microseconds: what PostgreSQL keeps, so a value read back equals the one written.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
