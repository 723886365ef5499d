package io.shotcraft.learning;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobService;
import io.shotcraft.learning.optimize.BayesianOptimizer;
import io.shotcraft.learning.optimize.Dimension;
import io.shotcraft.learning.optimize.Observation;
import io.shotcraft.learning.optimize.ParameterSpace;
import io.shotcraft.learning.reward.CandidateSelection;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.Workers;
import io.shotcraft.renders.RenderParameters;
import io.shotcraft.renders.RenderRequest;
import io.shotcraft.renders.RenderService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Draws a trial (the {@code learning.trial} job): the optimiser's two suggestions for the study, with the other
 * unrated trials' points pending so that concurrent raters are sent to different places; each option rendered with
 * its version's prompt; the trial then waits for its rating. A trial whose job is run again (its runner was lost)
 * keeps the points it drew and renders only what is missing.
 */
@ApplicationScoped
public class TrialService {

    static final String STAGE = "trial";
    static final List<String> SIDES = List.of("A", "B");
    static final String INPUT_IMAGE = "the input image is sent as the model input 'image' to backends that take a "
            + "model's inputs (predictions); the others draw from the prompt alone (see each render's warnings)";
    /**
     * The design's names of the parameters per api, where they differ from the space's (its stablediffusion entry:
     * strength, controlnet_conditioning_scale). The guidance scale is the render's own {@code guidance}.
     */
    static final Map<String, Map<String, String>> INPUT_NAMES = Map.of("stablediffusion",
            Map.of("init_strength", "strength", "controlnet_weight", "controlnet_conditioning_scale"));

    private final LearningRepository repository;
    private final RenderService renders;
    private final AbTests abTests;
    private final RewardModels rewards;
    private final LearningConfig config;
    private final JobService jobs;
    private final LearningMetrics metrics;
    private final BayesianOptimizer optimizer = new BayesianOptimizer();

    public TrialService(LearningRepository repository, RenderService renders, AbTests abTests,
            RewardModels rewards, LearningConfig config, JobService jobs,
            LearningMetrics metrics) {
        this.repository = repository;
        this.renders = renders;
        this.abTests = abTests;
        this.rewards = rewards;
        this.config = config;
        this.jobs = jobs;
        this.metrics = metrics;
    }

    Uni<TrialView> run(TrialRequest request, JobContext context) {
        return repository.study(request.studyId()).chain(study -> {
            if (study == null) {
                throw ProblemException.notFound("No study " + request.studyId());
            }
            Uni<Void> imageChecked = request.imageId() == null ? Uni.createFrom().voidItem()
                    : repository.image(request.imageId()).invoke(image -> {
                        if (image == null || !image.studyId().equals(study.id())) {
                            throw ProblemException.notFound("Study " + study.id() + " has no input image " + request.imageId());
                        }
                    }).replaceWithVoid();
            return imageChecked.chain(() -> repository.experiment(context.jobId()))
                    .chain(drawn -> drawn != null ? Uni.createFrom().item(drawn) : draw(study, request, context, 1))
                    .chain(trial -> render(study, trial, context));
        });
    }

    /** The trial's points and versions, numbered; drawn again when another trial of the study was numbered first. */
    private Uni<Experiment> draw(Study study, TrialRequest request, JobContext context, int attempt) {
        var since = StudyService.now().minus(config.pendingFor());
        return repository.ratedTrials(study.id()).chain(rated -> Uni.combine().all().unis(
                repository.pendingTrials(study.id(), since), abTests.assignment(study.id(), context.jobId()),
                rewards.screening(study, rated)).asTuple()
                .chain(t -> {
                    var observations = observations(rated);
                    var pending = t.getItem1().stream().flatMap(p -> p.options().stream()).map(Experiment.Option::parameters)
                            .toList();
                    var assignment = t.getItem2();
                    // An A/B pair compares versions: both sides take the same point, so the pair isolates the prompt.
                    // Once the reward model is ready, more candidates are rendered than shown (the design's pre-filter).
                    int candidates = assignment.abTestId() != null || t.getItem3() == null ? 0 : config.prefilterCandidates();
                    int count = assignment.abTestId() != null ? 1 : Math.max(SIDES.size(), candidates);
                    return Workers.run(() -> optimizer.suggest(study.parameterSpace(), observations, pending, count,
                            study.seed()))
                            .map(points -> trial(study, request, context.jobId(), points, assignment, candidates));
                }))
                .chain(trial -> repository.startTrial(trial, study.trials()).chain(numbered -> {
                    if (numbered) {
                        metrics.trialDrawn(trial.candidates() != null);
                        return repository.experiment(trial.id());
                    }
                    if (attempt >= config.trialAttempts()) {
                        throw new ProblemException(ProblemType.CONFLICT, "Other trials of the study kept being drawn at "
                                + "the same moment; try again");
                    }
                    return repository.study(study.id()).chain(again -> draw(again, request, context, attempt + 1));
                }));
    }

    private static Experiment trial(Study study, TrialRequest request, UUID id, List<Map<String, Object>> points,
            AbTests.Assignment assignment, int candidates) {
        var options = new ArrayList<Experiment.Option>();
        if (candidates > 0) {
            for (int i = 0; i < points.size(); i++) {
                options.add(new Experiment.Option(String.valueOf(i + 1), rounded(study.parameterSpace(), points.get(i)),
                        assignment.versions().getFirst(), UUID.randomUUID(), null, null, null, false));
            }
        } else {
            for (int i = 0; i < SIDES.size(); i++) {
                var point = rounded(study.parameterSpace(), points.get(Math.min(i, points.size() - 1)));
                options.add(new Experiment.Option(SIDES.get(i), point, assignment.versions().get(i), UUID.randomUUID(), null,
                        null, null, true));
            }
        }
        return new Experiment(id, study.id(), 0, blankToNull(request.prompt()), request.imageId(), assignment.abTestId(),
                Experiment.RENDERING, StudyService.now(), null, null, candidates > 0 ? candidates : null, options);
    }

    /**
     * Once every candidate is rendered, the two shown: the one the reward model rates highest (pre-filter) and, of
     * the rest, the one it is least sure of (active learning). Without a ready model (it may have been judged on
     * fewer ratings a moment ago), the first two.
     */
    private Uni<Void> screen(Study study, Experiment trial) {
        if (trial.candidates() == null || !trial.shown().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.experiment(trial.id()).chain(rendered -> repository.ratedTrials(study.id())
                .chain(rated -> rewards.screening(study, rated))
                .chain(model -> repository.versions(study.id()).chain(versions -> {
                    var options = rendered.options();
                    int best = 0;
                    int uncertain = 1;
                    if (model != null) {
                        var predictions = options.stream().map(o -> model.predict(o.features(), o.parameters(),
                                versions.stream().filter(v -> v.version().equals(o.promptVersion())).findFirst()
                                        .map(v -> v.prompt(o.api())).orElse(""))).toList();
                        best = CandidateSelection.best(predictions, 1).getFirst();
                        int chosen = best;
                        uncertain = CandidateSelection.mostUncertain(predictions, 2).stream().filter(i -> i != chosen)
                                .findFirst().orElseThrow();
                    }
                    return repository.reveal(trial.id(), options.get(best).option(), options.get(uncertain).option());
                })))
                .replaceWithVoid();
    }


    /** Real values to three decimals (7.2, not 7.2000000041): what a rater reads, and plenty for the model. */
    static Map<String, Object> rounded(ParameterSpace space, Map<String, Object> point) {
        var rounded = new LinkedHashMap<String, Object>(point);
        for (var dimension : space.dimensions()) {
            if (dimension instanceof Dimension.Real real && point.get(real.name()) instanceof Double d) {
                rounded.put(real.name(), Math.min(real.high(), Math.max(real.low(), Math.round(d * 1000) / 1000.0)));
            }
        }
        return rounded;
    }

    static List<Observation> observations(List<Experiment> rated) {
        var observations = new ArrayList<Observation>();
        for (var trial : rated) {
            for (var option : trial.options()) {
                if (option.rating() != null) {
                    observations.add(new Observation(option.parameters(), option.rating()));
                }
            }
        }
        return observations;
    }

    private Uni<TrialView> render(Study study, Experiment trial, JobContext context) {
        var warnings = trial.imageId() == null ? List.<String> of() : List.of(INPUT_IMAGE);
        if (!Experiment.RENDERING.equals(trial.status())) {
            if (Experiment.FAILED.equals(trial.status())) {
                throw new ProblemException(ProblemType.RENDER_FAILED, "The trial's renders failed");
            }
            return Uni.createFrom().item(TrialView.of(trial, study, warnings));
        }
        return context.emit("trial_started", TrialView.of(trial, study, warnings))
                .chain(() -> Uni.combine().all().unis(repository.versions(study.id()), inputImage(trial)).asTuple())
                .chain(loaded -> {
                    var versions = loaded.getItem1();
                    var image = loaded.getItem2().orElse(null);
                    var byName = new LinkedHashMap<String, PromptVersion>();
                    versions.forEach(v -> byName.put(v.version(), v));
                    var seed = seed(trial.id());
                    // One after the other: the renders share the job's database session, which takes one query at a time.
                    return Multi.createFrom().iterable(trial.options())
                            .onItem().transformToUniAndConcatenate(option -> renders.renderWithin(option.renderId(),
                                    request(study, trial, option, byName.get(option.promptVersion()), seed, image), context)
                                    .call(result -> rewards.extract(trial.id(), option.option(), result)))
                            .collect().asList();
                })
                .onFailure().call(failure -> repository.trialStatus(trial.id(), Experiment.RENDERING, Experiment.FAILED)
                        .invoke(() -> Log.infof("Trial %s of study %s failed while rendering", trial.id(), study.id())))
                .chain(results -> screen(study, trial))
                .chain(() -> repository.trialStatus(trial.id(), Experiment.RENDERING, Experiment.READY))
                .chain(() -> repository.experiment(trial.id()))
                .map(ready -> TrialView.of(ready, study, warnings))
                .call(view -> context.emit("trial_ready", view));
    }

    /** The trial's input image as a data URI (what a model input carries), or empty when it has none. */
    private Uni<java.util.Optional<String>> inputImage(Experiment trial) {
        if (trial.imageId() == null) {
            return Uni.createFrom().item(java.util.Optional.empty());
        }
        return repository.image(trial.imageId()).map(image -> java.util.Optional.ofNullable(image == null ? null
                : "data:" + image.contentType() + ";base64," + java.util.Base64.getEncoder().encodeToString(image.data())));
    }

    /**
     * What one option's render is asked for: the subject, the version's prompt, the guidance, a seed both share, and
     * the option's other parameters (and the input image) as the model's inputs, by the design's names for its api.
     */
    static RenderRequest request(Study study, Experiment trial, Experiment.Option option, PromptVersion version,
            long seed, String image) {
        var apiName = option.api();
        var stylePrompt = version.prompt(apiName);
        var prompt = trial.prompt() == null ? stylePrompt : trial.prompt() + ", " + stylePrompt;
        if (prompt.length() > 4000) {
            prompt = prompt.substring(0, 4000);
        }
        var negative = version.negativePrompt(apiName);
        var guidance = option.parameters().get("guidance_scale") instanceof Number n
                && n.doubleValue() >= 0 && n.doubleValue() <= 30 ? n.doubleValue() : null;
        var names = INPUT_NAMES.getOrDefault(apiName, Map.of());
        var inputs = new LinkedHashMap<String, Object>();
        option.parameters().forEach((name, value) -> {
            if (!name.equals("api") && !name.equals("guidance_scale")) {
                inputs.put(names.getOrDefault(name, name), value);
            }
        });
        if (image != null) {
            inputs.put("image", image);
        }
        var parameters = new RenderParameters(null, null, null, seed, null, guidance, null, null,
                inputs.isEmpty() ? null : inputs);
        return new RenderRequest(prompt, negative == null || negative.length() > 2000 ? null : negative,
                study.backendFor(apiName), null, parameters, null);
    }

    /**
     * A trial of the study, or a null item. Before its job has drawn it, the trial shows its job's status (queued,
     * running, or failed with nothing drawn) and no options.
     */
    Uni<TrialView> view(UUID studyId, UUID trialId) {
        return repository.study(studyId).chain(study -> study == null ? Uni.createFrom().nullItem()
                : repository.experiment(trialId).chain(trial -> {
                    if (trial != null) {
                        return Uni.createFrom().item(trial.studyId().equals(studyId) ? TrialView.of(trial, study,
                                trial.imageId() == null ? List.of() : List.of(INPUT_IMAGE)) : null);
                    }
                    return jobs.find(trialId).map(job -> job == null || !TrialJob.NAME.equals(job.kind)
                            || !job.input.contains(studyId.toString()) ? null
                            : new TrialView(trialId, studyId, 0, job.status.wire(), List.of(), null, null, null, null,
                                    job.createdAt, null, null));
                }));
    }

    /** The same seed for both options, from the trial's id: the options differ by their parameters, not by chance. */
    static long seed(UUID trial) {
        var bytes = ByteBuffer.allocate(16).putLong(trial.getMostSignificantBits()).putLong(trial.getLeastSignificantBits());
        return Integer.toUnsignedLong(java.util.Arrays.hashCode(bytes.array()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
