package io.shotcraft.tuning;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shotcraft.ai.AiCall;
import io.shotcraft.ai.AiOptions;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiTaskRunner;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Partials;
import io.shotcraft.ai.Usage;
import io.shotcraft.enhance.EnhanceRequest;
import io.shotcraft.enhance.EnhanceService;
import io.shotcraft.parameters.ExtractTask;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.parameters.PromptParameters;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.PageCursor;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.Workers;
import io.shotcraft.tuning.offline.OfflinePromptWriter;
import io.shotcraft.tuning.offline.OfflineSuggester;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Tuning sessions: extract a prompt's parameters, change them by conversation or in a batch, regenerate the
 * prompt with a minimal edit, keep every revision, revert. Each user works in a session of their own.
 */
@ApplicationScoped
public class TuningService {

    private static final int OFFLINE_CONFLICT_RETRIES = 3;
    private static final TypeReference<List<Parameter>> PARAMETERS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<String>>> SELECTIONS = new TypeReference<>() {
    };

    private final AiTaskRunner runner;
    private final ExtractTask extractTask;
    private final EditTask editTask;
    private final TuningRepository repository;
    private final OfflinePromptWriter writer;
    private final OfflineSuggester suggester;
    private final EnhanceService enhancer;
    private final ObjectMapper json;

    public TuningService(AiTaskRunner runner, ExtractTask extractTask, EditTask editTask, TuningRepository repository,
            OfflinePromptWriter writer, OfflineSuggester suggester, EnhanceService enhancer,
            ObjectMapper json) {
        this.runner = runner;
        this.extractTask = extractTask;
        this.editTask = editTask;
        this.repository = repository;
        this.writer = writer;
        this.suggester = suggester;
        this.enhancer = enhancer;
        this.json = json;
    }

    /** The result of interpreting and applying one edit. */
    record EditResult(EditPlan plan, List<Parameter> after, String prompt) {
    }

    public Uni<SessionView> start(TuningRequests.Start request, String correlationId) {
        var options = request.options() == null ? AiOptions.DEFAULT : request.options();
        // The prompt to extract from, and what enhancing it cost (nothing when not asked for).
        Uni<Map.Entry<String, Usage>> prompt = Boolean.TRUE.equals(request.enhance())
                ? enhancer.enhance(new EnhanceRequest(request.prompt(), null, null, null, null, null, null, options), correlationId)
                        .map(e -> Map.entry(e.enhanced(), e.usage()))
                : Uni.createFrom().item(Map.entry(request.prompt().strip(), Usage.NONE));
        return prompt.chain(enhanced -> runner.run(extractTask, enhanced.getKey(), AiCall.of(options, correlationId)).chain(extracted -> {
            var text = enhanced.getKey();
            var outcome = withUsage(parametersOf(extracted), enhanced.getValue().plus(extracted.usage()));
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
        return latestOrFail(id).chain(latest -> Workers.run(() -> suggester.suggest(latest.prompt, parameters(latest))));
    }

    public Uni<List<RevisionView>> history(UUID id) {
        return repository.history(id).map(revisions -> revisions.stream().map(this::revisionView).toList());
    }

    public Uni<Boolean> delete(UUID id) {
        return repository.delete(id);
    }

    /** A page of sessions, most recently updated first, and the cursor of the next page (null at the end). */
    public Uni<Map<String, Object>> list(int limit, String cursor) {
        var from = PageCursor.decode(cursor);
        OffsetDateTime at = from == null ? null : from.at();
        UUID before = from == null ? null : from.id();
        return repository.page(limit + 1, at, before).chain(sessions -> {
            var page = sessions.subList(0, Math.min(limit, sessions.size()));
            var next = sessions.size() > limit ? PageCursor.encode(page.getLast().updatedAt, page.getLast().id) : null;
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
    public Uni<SessionView> edit(UUID id, TuningRequests.Edit request, String correlationId, Partials partials) {
        var options = request.options() == null ? AiOptions.DEFAULT : request.options();
        return editAttempt(id, request.request(), options, correlationId, partials, 1);
    }

    private Uni<SessionView> editAttempt(UUID id, String text, AiOptions options, String correlationId, Partials partials,
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
            return Workers.run(() -> writer.regenerate(latest.prompt, before, after)).chain(prompt -> {
                var next = revision(id, latest.number + 1, prompt, after, null, changes, Engine.OFFLINE, null, now());
                return repository.append(next, next.createdAt)
                        .chain(saved -> repository.session(id).map(session -> view(session, saved, changes, null, null)));
            });
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

    /**
     * A revision as the source of other features' work (the targets' prompts): the session's latest revision, or
     * {@code number}, with its parameters and the session's remembered target selections; 404 when either is missing.
     */
    public Uni<RevisionSource> source(UUID id, Integer number) {
        return repository.session(id).chain(session -> {
            if (session == null) {
                throw ProblemException.notFound("No session " + id);
            }
            int wanted = number == null ? session.revision : number;
            if (wanted > session.revision) {
                throw new ProblemException(Problem.of(ProblemType.NOT_FOUND,
                        "Session " + id + " has no revision " + wanted + " (latest is " + session.revision + ")")
                        .withErrors(List.of(new Problem.FieldError("revision", "no such revision"))));
            }
            return repository.revision(id, wanted).map(revision -> {
                if (revision == null) {
                    throw ProblemException.notFound("Session " + id + " has no revision " + wanted);
                }
                Map<String, List<String>> selections = session.targetSelections == null ? Map.of()
                        : read(session.targetSelections, SELECTIONS);
                return new RevisionSource(id, revision.number, revision.prompt, parameters(revision), selections);
            });
        });
    }

    /** Remembers the target groups a session last selected in a category, the others kept. */
    public Uni<Void> rememberSelection(RevisionSource source, String category, List<String> groups) {
        var selections = new TreeMap<>(source.targetSelections());
        if (groups.equals(selections.get(category))) {
            return Uni.createFrom().voidItem();
        }
        selections.put(category, List.copyOf(groups));
        return repository.rememberSelections(source.sessionId(), write(selections)).replaceWithVoid();
    }

    private Uni<TuningRevision> latestOrFail(UUID id) {
        return repository.latest(id).map(latest -> {
            if (latest == null) {
                throw ProblemException.notFound("No session " + id);
            }
            return latest;
        });
    }

    /** One model call interprets and regenerates (streamed to {@code partials} when given); the offline engine else. */
    private Uni<AiOutcome<EditResult>> interpret(TuningRevision latest, String request, AiOptions options, String correlationId,
            Partials partials) {
        var before = parameters(latest);
        var call = AiCall.of(options, correlationId).streamingTo(partials);
        return runner.run(editTask, new EditTask.Input(latest.prompt, before, latest.parameters, request), call)
                .map(outcome -> new AiOutcome<>(result(before, latest.prompt, outcome.value()), outcome.engine(), outcome.model(),
                        outcome.cached(), outcome.usage(), outcome.fallbackReason(), outcome.promptVersion()));
    }

    private static EditResult result(List<Parameter> before, String prompt, PromptEdit edit) {
        var updates = EditChecks.updates(edit);
        if (!edit.applicable() || updates.isEmpty()) {
            return new EditResult(EditPlan.NOTHING, before, prompt);
        }
        var changes = edit.changes() == null ? List.<String> of() : edit.changes();
        return new EditResult(new EditPlan(updates, changes), ParameterList.apply(before, updates), edit.prompt().strip());
    }

    private static <T> AiOutcome<T> withUsage(AiOutcome<T> outcome, Usage usage) {
        return new AiOutcome<>(outcome.value(), outcome.engine(), outcome.model(), outcome.cached(), usage,
                outcome.fallbackReason(), outcome.promptVersion());
    }

    private static AiOutcome<List<Parameter>> parametersOf(AiOutcome<PromptParameters> outcome) {
        var parameters = outcome.value().parameters().stream().map(p -> new Parameter(p.name(), p.value().strip())).toList();
        return new AiOutcome<>(parameters, outcome.engine(), outcome.model(), outcome.cached(), outcome.usage(),
                outcome.fallbackReason(), outcome.promptVersion());
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
        var usage = outcome == null ? Usage.NONE : outcome.usage();
        return new SessionView(session.id, revision.number, revision.prompt, ParameterList.asMap(parameters(revision)), changes,
                message, engine, model, cached, fallback, usage, session.createdAt, session.updatedAt);
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
