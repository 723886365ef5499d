package io.shotcraft.renders;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.shotcraft.jobs.Job;
import io.shotcraft.jobs.JobCancelledException;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobEvent;
import io.shotcraft.jobs.JobService;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.shotcraft.platform.PageCursor;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.Workers;
import io.shotcraft.renders.backend.BackendFailure;
import io.shotcraft.renders.backend.BackendResult;
import io.shotcraft.renders.backend.RenderBackend;
import io.shotcraft.renders.backend.RenderBackends;
import io.shotcraft.renders.backend.RenderProgress;
import io.shotcraft.renders.backend.RenderSpec;
import io.shotcraft.renders.store.OutputStore;
import io.shotcraft.renders.store.StoredOutput;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Renders: checks a request against the configured backends, runs one as a job (the backend's progress published as
 * {@code render_progress}, the outputs checked and stored, the record kept), reads and lists renders, serves their
 * outputs, and cancels them at the backend too.
 */
@ApplicationScoped
public class RenderService {

    static final String STAGE = "render";

    private final RenderBackends backends;
    private final RenderRepository repository;
    private final OutputStore store;
    private final JobService jobs;
    private final RendersConfig config;
    private final ObjectMapper json;

    public RenderService(RenderBackends backends, RenderRepository repository, OutputStore store, JobService jobs,
            RendersConfig config, ObjectMapper json) {
        this.backends = backends;
        this.repository = repository;
        this.store = store;
        this.jobs = jobs;
        this.config = config;
        this.json = json;
    }

    /** What Bean Validation cannot say: the backend and its model, the size, the count, the source. */
    void check(RenderRequest request, String prefix) {
        var errors = new ArrayList<Problem.FieldError>();
        var backend = backends.named(request.backendOrDefault());
        if (backend == null || !backend.enabled()) {
            errors.add(new Problem.FieldError(prefix + "backend", (backend == null ? "unknown backend" : "not configured here")
                    + "; available: " + String.join(", ", backends.enabledNames())));
        } else if (blank(request.model()) && backend.defaultModel() == null) {
            errors.add(new Problem.FieldError(prefix + "model", "the " + backend.name() + " backend needs a model (it has no default)"));
        } else if (request.parametersOrNone().durationSeconds() != null && !backend.videos()) {
            errors.add(new Problem.FieldError(prefix + "parameters.duration_seconds", "the " + backend.name() + " backend makes images, not videos"));
        }
        var p = request.parametersOrNone();
        if ((p.width() == null) != (p.height() == null)) {
            errors.add(new Problem.FieldError(prefix + "parameters." + (p.width() == null ? "width" : "height"),
                    "width and height go together"));
        }
        if (p.width() != null && p.height() != null && p.aspectRatio() != null) {
            errors.add(new Problem.FieldError(prefix + "parameters.aspect_ratio", "give either width and height or aspect_ratio"));
        }
        if (p.count() != null && p.count() > config.maxOutputs()) {
            errors.add(new Problem.FieldError(prefix + "parameters.count", "must be at most " + config.maxOutputs()));
        }
        checkModelInputs(p.modelInputsOrNone(), prefix + "parameters.model_inputs", errors);
        checkSource(request.source(), prefix + "source.", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemMappers.invalid(errors));
        }
    }

    /** The inputs the backends write themselves: a model input may not replace them. */
    static final java.util.Set<String> RESERVED_INPUTS = java.util.Set.of("prompt", "negative_prompt", "width", "height",
            "aspect_ratio", "seed", "num_inference_steps", "guidance_scale", "duration", "num_outputs");
    static final int MAX_INPUT_TEXT = 2_000_000;
    private static final java.util.regex.Pattern INPUT_NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static void checkModelInputs(Map<String, Object> inputs, String field, List<Problem.FieldError> errors) {
        inputs.forEach((name, value) -> {
            var at = field + "." + (name.length() > 64 ? name.substring(0, 64) + "…" : name);
            if (!INPUT_NAME.matcher(name).matches()) {
                errors.add(new Problem.FieldError(at, "a model input's name is lower-case letters, digits and _ (at most 64)"));
            } else if (RESERVED_INPUTS.contains(name)) {
                errors.add(new Problem.FieldError(at, "is set from the render's own fields; use those"));
            } else if (!(value instanceof Boolean || value instanceof String s && s.length() <= MAX_INPUT_TEXT
                    || value instanceof Number n && Double.isFinite(n.doubleValue()))) {
                errors.add(new Problem.FieldError(at, "must be a number, a boolean or a text of at most " + MAX_INPUT_TEXT
                        + " characters"));
            }
        });
    }

    private static void checkSource(RenderSource source, String prefix, List<Problem.FieldError> errors) {
        if (source == null || source.kind() == null) {
            return;
        }
        switch (source.kind()) {
            case "session" -> require(source.sessionId(), prefix + "session_id", "a session source names its session", errors);
            case "target" -> require(source.modelId(), prefix + "model_id", "a target source names its target model", errors);
            case "clip" -> {
                require(source.jobId(), prefix + "job_id", "a clip source names its clip-prompts job", errors);
                require(source.clipIndex(), prefix + "clip_index", "a clip source names its clip", errors);
            }
            default -> {
                // refused by Bean Validation
            }
        }
    }

    private static void require(Object value, String field, String message, List<Problem.FieldError> errors) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, message));
        }
    }

    // ---- running a render (the job) ---------------------------------------------------------------------------

    Uni<RenderResult> run(RenderRequest request, JobContext context) {
        var id = context.jobId();
        // Database work goes back to the job's own context, whatever thread a backend's answer or a timer ended on.
        var back = Workers.callersContext();
        var backend = backends.named(request.backendOrDefault());
        var model = blank(request.model()) ? backend.defaultModel() : request.model().strip();
        var spec = RenderSpec.of(request.prompt(), request.negativePrompt(), model, request.parametersOrNone());
        var render = new Render();
        render.id = id;
        render.backend = backend.name();
        render.model = model;
        render.inputs = write(request);
        render.startedAt = now();
        var started = new AtomicReference<Instant>();
        return on(back, () -> repository.start(render))
                .invoke(running -> {
                    if (!running) {
                        throw new ProblemException(ProblemType.CONFLICT, "Render " + id + " had already ended when its job was started again");
                    }
                })
                .chain(() -> context.emit(JobEvent.STAGE_UPDATE, stage("started", backend.name())))
                .chain(() -> {
                    started.set(Instant.now());
                    return backend.render(spec, progress(id, backend.name(), context, back));
                })
                .chain(result -> finish(id, backend.name(), result, Duration.between(started.get(), Instant.now()), context, back))
                .onFailure(failure -> !(failure instanceof JobCancelledException))
                .recoverWithUni(failure -> failed(id, backend.name(), failure, started.get(), context, back));
    }

    /** Publishes a backend's reports: every status updates the record (and finds a cancellation), changes are events. */
    private RenderProgress progress(UUID id, String backend, JobContext context, Executor back) {
        var last = new AtomicReference<String>();
        return new RenderProgress() {
            @Override
            public Uni<Void> accepted(String backendId) {
                return on(back, () -> repository.accepted(id, backendId)).invoke(stillRunning -> stopIfCancelled(id, stillRunning))
                        .replaceWithVoid();
            }

            @Override
            public Uni<Void> status(String status, Integer percent) {
                var said = status + "/" + percent;
                return on(back, () -> repository.progress(id, status, percent))
                        .invoke(stillRunning -> stopIfCancelled(id, stillRunning))
                        .chain(() -> said.equals(last.getAndSet(said)) ? Uni.createFrom().voidItem()
                                : context.emit("render_progress", progressEvent(backend, status, percent))
                                        .chain(() -> context.progress(percent == null ? 10 : Math.min(99, percent), STAGE, status)));
            }
        };
    }

    private static void stopIfCancelled(UUID id, boolean stillRunning) {
        if (!stillRunning) {
            throw new JobCancelledException(id);
        }
    }

    private static Map<String, Object> progressEvent(String backend, String status, Integer percent) {
        var data = new LinkedHashMap<String, Object>();
        data.put("backend", backend);
        data.put("status", status);
        data.put("percent", percent);
        return data;
    }

    private Uni<RenderResult> finish(UUID id, String backend, BackendResult result, Duration atBackend, JobContext context,
            Executor back) {
        var outputs = new ArrayList<RenderOutput>();
        var index = new int[] { 0 };
        return Multi.createFrom().iterable(result.outputs())
                .onItem().transformToUniAndConcatenate(output -> {
                    int n = index[0]++;
                    var sha = sha256(output.bytes());
                    outputs.add(new RenderOutput(n, RenderOutput.url(id, n), output.contentType(), output.bytes().length,
                            output.width(), output.height(), sha));
                    return on(back, () -> store.put(id, n, new StoredOutput(output.bytes(), output.contentType(), sha)));
                })
                .collect().last()
                .chain(() -> {
                    var cost = settings(backend).map(s -> s.costPerOutputUsd().multiply(BigDecimal.valueOf(outputs.size())))
                            .orElse(BigDecimal.ZERO);
                    var rendered = new RenderResult(id, backend, result.preview() ? "offline" : backend, result.model(),
                            result.preview(), List.copyOf(outputs), result.warnings(), result.backendId(), cost, atBackend.toMillis());
                    return on(back, () -> repository.succeed(id, result.model(), result.preview(), write(outputs),
                            write(result.warnings()), cost, now(), atBackend.toMillis()))
                            .invoke(stillRunning -> stopIfCancelled(id, stillRunning))
                            .invoke(() -> Log.infof("Render %s on %s: %d output(s) in %d ms", id, backend, outputs.size(), atBackend.toMillis()))
                            .chain(() -> context.emit("render_result", rendered))
                            .chain(() -> context.emit(JobEvent.STAGE_UPDATE, stage("completed", backend)))
                            .replaceWith(rendered);
                });
    }

    private Uni<RenderResult> failed(UUID id, String backend, Throwable failure, Instant started, JobContext context, Executor back) {
        Problem problem;
        if (failure instanceof BackendFailure b) {
            Log.warnf("Render %s on %s failed: %s", id, backend, b.reason().wire());
            Log.debugf("Render %s on %s failed: %s", id, backend, b.getMessage());
            problem = Problem.of(ProblemType.RENDER_FAILED, "The " + backend + " backend could not render (" + b.reason().wire()
                    + "): " + b.getMessage());
        } else if (failure instanceof ProblemException p) {
            problem = p.problem();
        } else {
            // The failure's message may quote a backend's answer (a parse error shows its text): that stays at DEBUG.
            Log.warnf("Render %s on %s failed unexpectedly (%s)", id, backend, failure.getClass().getSimpleName());
            Log.debugf(failure, "Render %s on %s failed unexpectedly", id, backend);
            problem = Problem.of(ProblemType.RENDER_FAILED, "The render failed unexpectedly");
        }
        var atBackend = started == null ? 0 : Duration.between(started, Instant.now()).toMillis();
        var error = problem.withInstance("/api/v1/renders/" + id).withoutJavaNames();
        return on(back, () -> repository.fail(id, write(error), now(), atBackend)).onFailure().recoverWithItem(false)
                .chain(() -> context.emit(JobEvent.STAGE_UPDATE, stage("failed", backend)).onFailure().recoverWithNull())
                .chain(() -> Uni.createFrom().failure(new ProblemException(error)));
    }

    private static Map<String, Object> stage(String status, String backend) {
        return Map.of("stage", STAGE, "status", status, "backend", backend);
    }

    // ---- reading, listing, serving, cancelling ----------------------------------------------------------------

    /** The render, or a null item when there is none (a render accepted but not started yet is shown queued). */
    public Uni<RenderView> get(UUID id) {
        // The job first: a render's record is final before its job ends, so a job read as ended comes with the record as
        // its run left it (read the other way round, a render finishing in between showed the job's end without outputs).
        return jobs.find(id).chain(job -> repository.find(id).map(render -> view(id, render, job)));
    }

    private RenderView view(UUID id, Render render, Job job) {
        if (job == null || !RenderJob.NAME.equals(job.kind)) {
            return render == null ? null : RenderView.of(render);
        }
        if (render == null) {
            var queued = RenderView.queued(id, backendOf(job.input), null, job.input, job.createdAt);
            return job.status.terminal() ? withStatus(queued, job) : queued;
        }
        var view = RenderView.of(render);
        // A render whose job ended without saying so here (its runner was lost) shows the job's outcome.
        return RenderRepository.RUNNING.equals(render.status) && job.status.terminal() ? withStatus(view, job) : view;
    }

    private static RenderView withStatus(RenderView view, Job job) {
        return new RenderView(view.id(), job.status.wire(), view.backend(), view.model(), view.preview(), view.inputs(),
                view.backendId(), view.backendStatus(), view.progress(), view.outputs(), view.warnings(), job.error,
                view.costUsd(), view.createdAt(), view.startedAt(), job.finishedAt, view.timing(), view.eventsUrl());
    }

    private String backendOf(String inputs) {
        try {
            var backend = json.readTree(inputs).path("backend").asText("");
            return backend.isBlank() ? "offline" : backend;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** A page of renders, most recent first, and the cursor of the next page (null at the end). */
    public Uni<Map<String, Object>> list(int limit, String cursor, String backend, String status) {
        var from = PageCursor.decode(cursor);
        OffsetDateTime at = from == null ? null : from.at();
        UUID before = from == null ? null : from.id();
        return repository.page(limit + 1, at, before, backend, status).map(renders -> {
            var page = renders.subList(0, Math.min(limit, renders.size()));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("items", page.stream().map(RenderView::of).toList());
            result.put("next_cursor", renders.size() > limit ? PageCursor.encode(page.getLast().createdAt, page.getLast().id) : null);
            return result;
        });
    }

    /** A stored output, or a null item when the render has none at that index. */
    public Uni<StoredOutput> output(UUID id, int index) {
        return store.get(id, index);
    }

    /**
     * Cancels a queued or running render: the job (409 when it has ended), the record, and the render at its backend
     * when the backend can stop one. A null item when there is no such render.
     */
    public Uni<RenderView> cancel(UUID id) {
        return jobs.find(id).chain(job -> {
            if (job == null || !RenderJob.NAME.equals(job.kind)) {
                return Uni.createFrom().nullItem();
            }
            var problem = Problem.of(ProblemType.JOB_CANCELLED, "The render was cancelled at the client's request")
                    .withInstance("/api/v1/renders/" + id);
            return jobs.cancel(id)
                    .chain(() -> repository.cancel(id, write(problem), now()))
                    .chain(() -> repository.find(id))
                    .call(render -> cancelAtBackend(render))
                    .chain(render -> jobs.find(id).map(after -> view(id, render, after)));
        });
    }

    private Uni<Void> cancelAtBackend(Render render) {
        if (render == null || render.backendId == null) {
            return Uni.createFrom().voidItem();
        }
        var backend = backends.named(render.backend);
        if (backend == null) {
            return Uni.createFrom().voidItem();
        }
        return backend.cancel(render.backendId)
                .invoke(asked -> Log.infof("Render %s: %s", render.id, asked ? "cancelled at " + render.backend
                        : render.backend + " cannot cancel a render; it was left to finish there"))
                .onFailure().invoke(e -> Log.infof("Render %s: %s did not take the cancel (%s)", render.id, render.backend,
                        e instanceof BackendFailure b ? b.reason().wire() : "error"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Names of the backends that can render here. */
    public List<String> enabledBackends() {
        return backends.enabledNames();
    }

    /**
     * Renders as part of another job (a learning trial draws two): the render gets its own record under
     * {@code renderId}, readable at {@code /api/v1/renders/{renderId}}; its events and progress go to the parent
     * job's stream. A render that already succeeded (the parent job is run again after its runner was lost) is not
     * drawn again: its result is read back.
     */
    public Uni<RenderResult> renderWithin(UUID renderId, RenderRequest request, JobContext parent) {
        check(request, "");
        return repository.find(renderId).chain(render -> {
            if (render != null && RenderRepository.SUCCEEDED.equals(render.status)) {
                return Uni.createFrom().item(result(render));
            }
            return run(request, new JobContext() {
                @Override
                public UUID jobId() {
                    return renderId;
                }

                @Override
                public Uni<Void> progress(int percent, String stage, String step) {
                    return parent.progress(percent, stage, step);
                }

                @Override
                public Uni<Void> emit(String event, Object data) {
                    return parent.emit(event, data);
                }
            });
        });
    }

    private RenderResult result(Render render) {
        try {
            List<RenderOutput> outputs = json.readValue(render.outputs,
                    json.getTypeFactory().constructCollectionType(List.class, RenderOutput.class));
            List<String> warnings = render.warnings == null ? List.of()
                    : json.readValue(render.warnings, json.getTypeFactory().constructCollectionType(List.class, String.class));
            return new RenderResult(render.id, render.backend, render.preview ? "offline" : render.backend, render.model,
                    render.preview, outputs, warnings, render.backendId, render.costUsd,
                    render.backendMs == null ? 0 : render.backendMs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("render " + render.id + " has unreadable outputs", e);
        }
    }

    /** The backends and what the UI needs of them. */
    public List<Map<String, Object>> backends() {
        return backends.all().stream().map(b -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("name", b.name());
            entry.put("enabled", b.enabled());
            entry.put("default_model", b.defaultModel());
            entry.put("target_groups", settings(b.name()).flatMap(RendersConfig.Backend::targetGroups).orElse(List.of()));
            return (Map<String, Object>) entry;
        }).toList();
    }

    private Optional<RendersConfig.Backend> settings(String backend) {
        return Optional.ofNullable(switch (backend) {
            case "openai-images" -> config.openaiImages();
            case "predictions" -> config.predictions();
            case "leonardo" -> config.leonardo();
            default -> null;
        });
    }

    private static <T> Uni<T> on(Executor back, Supplier<Uni<T>> operation) {
        return Uni.createFrom().<T> deferred(() -> operation.get()).runSubscriptionOn(back);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A render record could not be written as JSON", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
