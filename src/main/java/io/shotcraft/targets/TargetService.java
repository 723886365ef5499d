package io.shotcraft.targets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.shotcraft.ai.AiCall;
import io.shotcraft.ai.AiOutcome;
import io.shotcraft.ai.AiTaskRunner;
import io.shotcraft.ai.Engine;
import io.shotcraft.ai.Usage;
import io.shotcraft.jobs.Job;
import io.shotcraft.jobs.JobService;
import io.shotcraft.jobs.JobStatus;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.parameters.offline.OfflineParameterExtractor;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.Workers;
import io.shotcraft.targets.rules.TargetOptions;
import io.shotcraft.targets.rules.TargetPrompt;
import io.shotcraft.tuning.RevisionSource;
import io.shotcraft.tuning.TuningService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Prompts tailored to the selected target-model groups: the source (a prompt, or a tuning session's revision and its
 * parameters) and the selection go to one model call ({@link TargetsTask}) with the selection's merged instructions
 * and schema; each model's prompt is normalised and held to its model's rules, and one that breaks them is replaced
 * by that model's offline prompt, saying so. A session remembers its last selection per category.
 */
@ApplicationScoped
public class TargetService {

    /** The kind of the clip-prompts job (clips' {@code ClipPromptsJob.NAME}), whose results can be a source. */
    static final String CLIPS_JOB = "clips.prompts";

    /** What one model's prompt may take of the answer, and the rest of the JSON: the cost cap is estimated from it. */
    private static final int TOKENS_PER_MODEL = 300;
    private static final int ANSWER_TOKENS = 60;

    /** Progress of a request, for its job's events. */
    public interface Progress {
        Progress NONE = (percent, step) -> Uni.createFrom().voidItem();

        Uni<Void> at(int percent, String step);
    }

    private final TargetCatalog catalog;
    private final TargetInstructions instructions;
    private final TargetsTask task;
    private final AiTaskRunner runner;
    private final OfflineParameterExtractor extractor;
    private final TuningService tuning;
    private final JobService jobs;
    private final ObjectMapper json;
    private final TargetsConfig config;

    public TargetService(TargetCatalog catalog, TargetInstructions instructions, TargetsTask task, AiTaskRunner runner,
            OfflineParameterExtractor extractor, TuningService tuning, JobService jobs, ObjectMapper json, TargetsConfig config) {
        this.catalog = catalog;
        this.instructions = instructions;
        this.task = task;
        this.runner = runner;
        this.extractor = extractor;
        this.tuning = tuning;
        this.jobs = jobs;
        this.json = json;
        this.config = config;
    }

    /** The category, or a 400 naming the known ones. */
    public TargetCategory category(String name, String field) {
        var category = name == null ? null : catalog.category(name);
        if (category == null) {
            var known = catalog.categories().stream().map(TargetCategory::name).toList();
            throw new ProblemException(Problem.of(ProblemType.VALIDATION, "Unknown category; known: " + String.join(", ", known))
                    .withErrors(List.of(new Problem.FieldError(field + "category", "must be one of " + String.join(", ", known)))));
        }
        return category;
    }

    /**
     * Checks what can be checked without the database: the category, the selection (when given), the source and the
     * options. {@code field} prefixes field names in errors ({@code input.} in a job). Gives the selection, or null
     * when a session's remembered one is to be used.
     */
    public Selection check(TargetPromptsRequest request, String field) {
        var category = category(request.category(), field);
        var selection = Selection.parse(category, request.groups(), request.selection(), field);
        var sources = new ArrayList<String>();
        if (request.prompt() != null) {
            sources.add("prompt");
        }
        if (request.sessionId() != null) {
            sources.add("session_id");
        }
        if (request.clipsJobId() != null) {
            sources.add("clips_job_id");
        }
        if (sources.size() != 1) {
            throw invalid(field + (sources.isEmpty() ? "prompt" : sources.getLast()), "give one source: prompt, session_id or clips_job_id");
        }
        if (request.prompt() != null && request.prompt().isBlank()) {
            throw invalid(field + "prompt", "must not be blank");
        }
        if (request.sessionId() == null && request.revision() != null) {
            throw invalid(field + "revision", "only with session_id");
        }
        if (request.sessionId() == null && selection == null) {
            throw Selection.invalid(field + "groups", "select at least one group (groups or selection)", category);
        }
        options(request.optionsOrDefault(), category, field);
        return selection;
    }

    public Uni<TargetPrompts> generate(TargetPromptsRequest request, String correlationId, Progress progress) {
        var given = check(request, "");
        if (request.clipsJobId() != null) {
            throw invalid("clips_job_id", "a clip job's targets run as a job: POST /api/v1/jobs/targets");
        }
        var category = given != null ? given.category() : category(request.category(), "");
        if (request.sessionId() == null) {
            var source = request.prompt().strip();
            return progress.at(10, "extracting parameters")
                    .chain(() -> Workers.run(() -> extractor.extract(source)))
                    .chain(parameters -> write(request, given, source, parameters, null, correlationId, progress));
        }
        return tuning.source(UUID.fromString(request.sessionId()), request.revision()).chain(revision -> {
            var selection = given != null ? given : remembered(category, revision);
            return write(request, selection, revision.prompt(), revision.parameters(), revision, correlationId, progress)
                    .call(() -> tuning.rememberSelection(revision, category.name(), selection.groupNames()));
        });
    }

    /**
     * Every clip of a finished clip-prompts job × every selected model: one model call per clip (each with the same
     * merged instructions and schema), at most {@code shotcraft.targets.clip-concurrency} clips at a time; progress
     * after each clip.
     */
    public Uni<ClipTargetPrompts> generateForClips(TargetPromptsRequest request, String correlationId, Progress progress) {
        var selection = check(request, "");
        var category = selection.category();
        var jobId = UUID.fromString(request.clipsJobId());
        return jobs.find(jobId).chain(job -> {
            var clips = clips(job, jobId);
            var done = new AtomicInteger();
            return Multi.createFrom().iterable(clips)
                    .onItem().transformToUni(clip -> Workers.run(() -> extractor.extract(clip.prompt()))
                            .chain(parameters -> write(request, selection, clip.prompt(), parameters, null,
                                    correlationId + "/clip-" + clip.index(), Progress.NONE))
                            .map(result -> new Written(new ClipTargetPrompts.Clip(clip.index(), clip.prompt(), result.prompts(),
                                    result.engine(), result.cached(), result.fallbackReason()), result.usage(), result.tokens())))
                    .merge(config.clipConcurrency())
                    .onItem().call(written -> progress.at(10 + 85 * done.incrementAndGet() / clips.size(),
                            done.get() + " of " + clips.size() + " clips"))
                    .collect().asList()
                    .map(written -> {
                        var ordered = written.stream().map(Written::clip)
                                .sorted(java.util.Comparator.comparingInt(ClipTargetPrompts.Clip::clipIndex)).toList();
                        var usage = written.stream().map(Written::usage).reduce(Usage.NONE, Usage::plus);
                        return new ClipTargetPrompts(category.name(), jobId, selection.groupNames(), selection.models(),
                                selection.models().size(), ordered.size(), ordered, usage, written.getFirst().tokens());
                    });
        });
    }

    /** The clips of a finished clip-prompts job, in its order; 404 / 400 / 409 when it is not one. */
    private List<ClipSource> clips(Job job, UUID id) {
        if (job == null) {
            throw ProblemException.notFound("No job " + id);
        }
        if (!CLIPS_JOB.equals(job.kind)) {
            throw invalid("clips_job_id", "job " + id + " is a " + job.kind + " job, not " + CLIPS_JOB);
        }
        if (job.status != JobStatus.SUCCEEDED || job.result == null) {
            throw new ProblemException(ProblemType.CONFLICT, "Job " + id + " has not succeeded (" + job.status.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        try {
            var sources = new ArrayList<ClipSource>();
            for (var clip : json.readTree(job.result).path("clip_prompts")) {
                var text = clip.path("prompt").asText("").strip();
                if (!text.isEmpty()) {
                    sources.add(new ClipSource(clip.path("clip_index").asInt(), text));
                }
            }
            if (sources.isEmpty()) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "Job " + id + " has no clip prompts");
            }
            return sources;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The result of job " + id + " is not JSON", e);
        }
    }

    private record ClipSource(int index, String prompt) {
    }

    private record Written(ClipTargetPrompts.Clip clip, Usage usage, TargetPrompts.Tokens tokens) {
    }

    /** The session's last selection in the category, or a 400 when it has none (or one no longer valid). */
    private static Selection remembered(TargetCategory category, RevisionSource revision) {
        var names = revision.targetSelections().get(category.name());
        if (names == null) {
            throw Selection.invalid("groups", "select at least one group: the session has no earlier selection in " + category.name(),
                    category);
        }
        return Selection.parse(category, names, null, "");
    }

    private Uni<TargetPrompts> write(TargetPromptsRequest request, Selection selection, String source, List<Parameter> parameters,
            RevisionSource revision, String correlationId, Progress progress) {
        var options = request.optionsOrDefault();
        var asked = AiCall.of(options.ai(), correlationId).withSeed(options.seed() == null ? null : (int) (options.seed() % Integer.MAX_VALUE));
        var settings = runner.settings(TargetsTask.NAME, asked);
        var model = settings.model();
        var call = asked.withMaxTokens(Math.min(settings.maxTokens(), ANSWER_TOKENS + TOKENS_PER_MODEL * selection.models().size()));
        var merged = instructions.merge(selection, model);
        var perModel = options(options, selection.category(), "");
        var input = new TargetsTask.Input(merged, source, parameters, perModel, optionsText(options));
        return progress.at(30, "writing " + selection.models().size() + " prompts")
                .chain(() -> runner.run(task, input, call))
                .chain(outcome -> Workers.run(() -> respond(input, outcome, revision, instructions.tokens(selection, model))))
                .call(result -> progress.at(90, "checked against each model's rules"));
    }

    private TargetPrompts respond(TargetsTask.Input input, AiOutcome<TargetAnswer> outcome, RevisionSource revision,
            TargetPrompts.Tokens tokens) {
        var selection = input.merged().selection();
        var prompts = new LinkedHashMap<String, ModelPrompt>();
        int replaced = 0;
        for (var id : selection.models()) {
            var model = catalog.model(id);
            if (outcome.engine() != Engine.LLM) {
                prompts.put(id, offline(model, input, List.of()));
                continue;
            }
            var checked = TargetChecks.inspect(model, outcome.value(), input);
            if (checked.problems().isEmpty()) {
                prompts.put(id, view(model, checked.adapted(), Engine.LLM, List.of()));
            } else {
                replaced++;
                prompts.put(id, offline(model, input, checked.problems()));
            }
        }
        if (replaced > 0) {
            Log.debugf("targets: %d of %d prompts replaced by the offline engine", replaced, prompts.size());
        }
        return new TargetPrompts(selection.category().name(), prompts, selection.groupNames(), selection.models(),
                selection.models().size(), outcome.engine(), outcome.model(), outcome.cached(), outcome.usage(),
                outcome.fallbackReason(), outcome.promptVersion(), tokens,
                revision == null ? null : new TargetPrompts.Source(revision.sessionId(), revision.revision()));
    }

    private static ModelPrompt offline(TargetModel model, TargetsTask.Input input, List<String> whyReplaced) {
        var written = TargetsTask.offline(model, input);
        var warnings = new ArrayList<String>();
        for (var problem : whyReplaced) {
            warnings.add("The model's prompt was replaced by the offline engine's (" + problem + ")");
        }
        return view(model, written, Engine.OFFLINE, warnings);
    }

    private static ModelPrompt view(TargetModel model, TargetPrompt prompt, Engine engine, List<String> before) {
        var parameters = new LinkedHashMap<String, Object>(model.defaults());
        parameters.putAll(prompt.parameters());
        var warnings = new ArrayList<>(before);
        warnings.addAll(prompt.warnings());
        return new ModelPrompt(model.group(), prompt.prompt(), prompt.negativePrompt(), parameters, warnings, engine);
    }

    /** Every selected target's options: the shared ones and its own; invalid values are a 400 naming the field. */
    private Map<String, TargetOptions> options(TargetPromptsRequest.Options options, TargetCategory category, String field) {
        var perModel = options.models() == null ? Map.<String, Map<String, String>> of() : options.models();
        var known = new ArrayList<String>();
        category.groups().forEach(group -> known.addAll(group.models()));
        for (var id : perModel.keySet()) {
            if (!known.contains(id)) {
                throw invalid(field + "options.models." + id, "not a model of " + category.name() + " (" + String.join(", ", known) + ")");
            }
        }
        var all = new LinkedHashMap<String, TargetOptions>();
        for (var id : known) {
            // The model's own options (its variant), then what the request asks for it.
            var own = new LinkedHashMap<>(catalog.model(id).options());
            own.putAll(perModel.getOrDefault(id, Map.of()));
            try {
                all.put(id, new TargetOptions(options.aspectRatio(), options.seed(), options.durationSeconds(), Map.copyOf(own)));
            } catch (IllegalArgumentException e) {
                var where = perModel.containsKey(id) ? "options.models." + id : "options";
                throw invalid(field + where, e.getMessage());
            }
        }
        return all;
    }

    private static String optionsText(TargetPromptsRequest.Options options) {
        var text = new StringBuilder();
        append(text, "aspect ratio", options.aspectRatio());
        append(text, "seed", options.seed());
        append(text, "duration in seconds", options.durationSeconds());
        if (options.models() != null) {
            new java.util.TreeMap<>(options.models()).forEach((model, own) -> append(text, model, new java.util.TreeMap<>(own)));
        }
        return text.isEmpty() ? "none" : text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : "; ").append(name).append(": ").append(value);
        }
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, field + " " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }
}
