package io.shotcraft.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.jobs.JobContext;
import io.shotcraft.jobs.JobService;
import io.shotcraft.learning.evolve.CommentDigest;
import io.shotcraft.learning.evolve.EvolutionInput;
import io.shotcraft.learning.evolve.EvolutionTriggers;
import io.shotcraft.learning.evolve.PromptEvolution;
import io.shotcraft.learning.evolve.ScoredVersion;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.smallrye.mutiny.Uni;

/**
 * Phase 1.5: evolutions of a study's prompt. After each rating the design's triggers are checked (every 10 samples
 * while the best rating is under 4.5, under 4.0 after 20, no improvement in 15, or by hand); a due evolution is
 * recorded once per sample count (two raters crossing it at once start one) and runs as a {@code learning.evolve}
 * job: the prompt evolver (a model, or its offline twin) writes two variants from the current version, its rating,
 * what the comments criticised and praised and the scored earlier versions; each becomes a version, and each is
 * queued for an A/B test against the current one. No evolution starts while a test is queued or running.
 */
@ApplicationScoped
public class Evolutions {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");

    private final LearningRepository repository;
    private final PromptEvolution evolver;
    private final JobService jobs;
    private final EvolveJob kind;
    private final LearningMetrics metrics;

    public Evolutions(LearningRepository repository, PromptEvolution evolver, JobService jobs, EvolveJob kind,
            LearningMetrics metrics) {
        this.repository = repository;
        this.evolver = evolver;
        this.jobs = jobs;
        this.kind = kind;
        this.metrics = metrics;
    }

    /** Starts the evolution that is due after a rating, if any: its job's id, or a null item. */
    Uni<UUID> afterRating(Study study, List<Experiment> rated, AbTest test) {
        if (test != null && "running".equals(test.status())) {
            return Uni.createFrom().nullItem();
        }
        return Uni.combine().all().unis(repository.evolutions(study.id()), repository.testing(study.id())).asTuple()
                .chain(t -> {
                    if (t.getItem2()) {
                        return Uni.createFrom().nullItem();
                    }
                    var figures = Figures.of(rated);
                    var due = EvolutionTriggers.due(figures.samples(), figures.best(), figures.samplesAtBest(),
                            last(t.getItem1()), false);
                    return due.isEmpty() ? Uni.createFrom().<UUID> nullItem()
                            : start(study.id(), figures.samples(), due.get().name().toLowerCase(java.util.Locale.ROOT));
                });
    }

    /** An evolution asked for by hand: its job; 409 while an A/B test is queued or running. Null when no study. */
    public Uni<UUID> manual(UUID studyId) {
        return repository.study(studyId).chain(study -> {
            if (study == null) {
                return Uni.createFrom().nullItem();
            }
            return Uni.combine().all().unis(repository.ratedTrials(studyId), repository.testing(studyId),
                    repository.evolutions(studyId)).asTuple().chain(t -> {
                        if (t.getItem2()) {
                            throw new ProblemException(ProblemType.CONFLICT, "An A/B test of evolved versions is queued "
                                    + "or running; evolve again when it has decided");
                        }
                        var samples = Figures.of(t.getItem1()).samples();
                        var last = last(t.getItem3());
                        if (last != null && samples <= last) {
                            throw new ProblemException(ProblemType.CONFLICT, "The study evolved at " + last
                                    + " samples already; rate more trials first");
                        }
                        return start(studyId, samples, "manual").invoke(job -> {
                            if (job == null) {
                                throw new ProblemException(ProblemType.CONFLICT, "An evolution at " + samples
                                        + " samples was started at the same moment");
                            }
                        });
                    });
        });
    }

    private Uni<UUID> start(UUID studyId, int samples, String trigger) {
        var id = UUID.randomUUID();
        return repository.startEvolution(id, studyId, samples, trigger, StudyService.now()).chain(started -> {
            if (!started) {
                return Uni.createFrom().<UUID> nullItem();
            }
            Log.infof("Study %s: evolution %s at %d samples (%s)", studyId, id, samples, trigger);
            return jobs.submit(kind, new EvolveRequest(studyId, id)).map(job -> job.id)
                    .onFailure().call(e -> repository.finishEvolution(id, "failed", null, null, List.of(), StudyService.now()));
        });
    }

    private static Integer last(List<EvolutionRun> evolutions) {
        return evolutions.isEmpty() ? null : evolutions.getLast().atSample();
    }

    /** Samples, best rating and the sample count at which it was first reached, oldest trial first. */
    record Figures(int samples, Double best, int samplesAtBest) {

        static Figures of(List<Experiment> rated) {
            int samples = 0;
            Double best = null;
            int atBest = 0;
            for (var trial : rated) {
                for (var option : trial.options()) {
                    if (option.rating() == null) {
                        continue;
                    }
                    samples++;
                    if (best == null || option.rating() > best) {
                        best = option.rating().doubleValue();
                        atBest = samples;
                    }
                }
            }
            return new Figures(samples, best, atBest);
        }
    }

    // ---- the job ----------------------------------------------------------------------------------------------------

    Uni<Map<String, Object>> run(EvolveRequest request, JobContext context) {
        return repository.evolution(request.evolutionId()).chain(evolution -> {
            if (evolution == null) {
                throw ProblemException.notFound("No evolution " + request.evolutionId());
            }
            if (!"running".equals(evolution.status())) {
                return Uni.createFrom().item(result(request, evolution.engine(), evolution.model(), evolution.versions(),
                        evolution.trigger()));
            }
            return repository.study(request.studyId()).chain(study -> {
                if (study == null) {
                    throw ProblemException.notFound("No study " + request.studyId());
                }
                return evolve(study, evolution, context);
            }).onFailure(e -> !(e instanceof io.shotcraft.jobs.JobCancelledException)).call(e -> repository
                    .finishEvolution(evolution.id(), "failed", null, null, List.of(), StudyService.now()));
        });
    }

    private Uni<Map<String, Object>> evolve(Study study, EvolutionRun evolution, JobContext context) {
        return Uni.combine().all().unis(repository.labels(study.id()), repository.versions(study.id()),
                repository.performance(study.id()), repository.ratedTrials(study.id())).asTuple()
                .chain(t -> {
                    var currentName = t.getItem1().get(StudyService.CURRENT);
                    var versions = t.getItem2();
                    var current = versions.stream().filter(v -> v.version().equals(currentName)).findFirst()
                            .orElseThrow(() -> new ProblemException(ProblemType.CONFLICT, "The study has no current version"));
                    var input = input(study, current, versions, t.getItem3(), t.getItem4());
                    return context.progress(10, "evolution", "writing variants")
                            .chain(() -> evolver.evolve(input))
                            .chain(evolved -> store(study, evolution, current, versions, evolved, context));
                });
    }

    private static EvolutionInput input(Study study, PromptVersion current, List<PromptVersion> versions,
            Map<String, VersionPerformance> figures, List<Experiment> rated) {
        var comments = new ArrayList<CommentDigest.RatedComment>();
        rated.forEach(trial -> trial.options().forEach(o -> {
            if (o.rating() != null && o.comments() != null) {
                comments.add(new CommentDigest.RatedComment(o.rating(), o.comments()));
            }
        }));
        var digest = CommentDigest.of(comments);
        var history = versions.stream().map(v -> {
            var p = figures.getOrDefault(v.version(), VersionPerformance.NONE);
            return new ScoredVersion(v.version(), v.prompt(null), p.avgRating(), p.sampleCount());
        }).toList();
        var mine = figures.getOrDefault(current.version(), VersionPerformance.NONE);
        return new EvolutionInput(current.version(), current.prompt(null), current.negativePrompt(null),
                mine.avgRating(), digest.issues(), digest.praised(), history, study.rules().neverChange(),
                study.rules().maxPromptLength());
    }

    private Uni<Map<String, Object>> store(Study study, EvolutionRun evolution, PromptVersion current,
            List<PromptVersion> versions, io.shotcraft.learning.evolve.Evolution evolved, JobContext context) {
        var at = StudyService.now();
        var names = nextVersions(current.version(), versions, evolved.variants().size());
        var made = new ArrayList<PromptVersion>();
        for (int i = 0; i < evolved.variants().size(); i++) {
            var variant = evolved.variants().get(i);
            var metadata = new LinkedHashMap<String, Object>();
            metadata.put("description", "Evolved from " + current.version() + " (" + evolution.trigger() + ", variant "
                    + (i + 1) + ")");
            metadata.put("tags", List.of("evolved", evolution.trigger()));
            metadata.put("changes", variant.changes());
            metadata.put("reasoning", variant.reasoning());
            metadata.put("expected_improvement", variant.expectedImprovement());
            metadata.put("engine", evolved.engine());
            metadata.put("model", evolved.model());
            made.add(current.withPrompt(names.get(i), at, "evolution:" + evolved.engine(), variant.improvedPrompt(),
                    metadata));
        }
        var tests = made.stream().map(v -> new AbTest(UUID.randomUUID(), study.id(), v.version(), current.version(),
                evolution.id(), "queued", 0, 0, 0, null, at, null, null)).toList();
        Uni<Void> added = Uni.createFrom().voidItem();
        for (var version : made) {
            added = added.chain(() -> repository.addVersion(study.id(), version)).replaceWithVoid();
        }
        var madeNames = made.stream().map(PromptVersion::version).toList();
        return added.chain(() -> repository.queueAbTests(tests))
                .chain(() -> repository.startNextAbTest(study.id(), at))
                .chain(() -> repository.finishEvolution(evolution.id(), "succeeded", evolved.engine(), evolved.model(),
                        madeNames, StudyService.now()))
                .invoke(() -> metrics.evolved(evolution.trigger(), evolved.engine()))
                .map(ignored -> result(new EvolveRequest(study.id(), evolution.id()), evolved.engine(), evolved.model(),
                        madeNames, evolution.trigger()))
                .call(result -> context.emit("evolution_result", result));
    }

    /** The next free minor versions after the current one's line: v1.0.0 → v1.1.0, v1.2.0. */
    static List<String> nextVersions(String current, List<PromptVersion> versions, int count) {
        var m = VERSION.matcher(current);
        int major = m.matches() ? Integer.parseInt(m.group(1)) : 1;
        int minor = 0;
        for (var v : versions) {
            var other = VERSION.matcher(v.version());
            if (other.matches() && Integer.parseInt(other.group(1)) == major) {
                minor = Math.max(minor, Integer.parseInt(other.group(2)));
            }
        }
        var names = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            names.add("v" + major + "." + (minor + i) + ".0");
        }
        return names;
    }

    private static Map<String, Object> result(EvolveRequest request, String engine, String model, List<String> versions,
            String trigger) {
        var result = new LinkedHashMap<String, Object>();
        result.put("study_id", request.studyId());
        result.put("evolution_id", request.evolutionId());
        result.put("trigger", trigger);
        result.put("engine", engine);
        result.put("model", model);
        result.put("versions", versions);
        return result;
    }
}
