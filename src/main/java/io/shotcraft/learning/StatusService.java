package io.shotcraft.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.learning.evolve.EvolutionTriggers;
import io.shotcraft.learning.optimize.BayesianOptimizer;
import io.shotcraft.learning.optimize.Observation;
import io.shotcraft.learning.optimize.OptimizerStatus;
import io.shotcraft.learning.optimize.ParameterSpace;
import io.shotcraft.platform.Workers;
import io.smallrye.mutiny.Uni;

/**
 * A study's status and history in the design's shapes ({@code GET /api/train/status}, {@code /api/train/history}),
 * computed from the stored trials on every read: the optimiser and the reward model are rebuilt from them, so any
 * instance answers the same after a restart.
 */
@ApplicationScoped
public class StatusService {

    /** Samples per point of the history's rating trend. */
    static final int TREND_BLOCK = 5;

    private final LearningRepository repository;
    private final RewardModels rewards;
    private final BayesianOptimizer optimizer = new BayesianOptimizer();
    /** The last studies' models, by study, ratings and stop: refitting a GP and cross-validating on every read is waste. */
    private final Map<String, Models> models = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Models> eldest) {
            return size() > MODELS_KEPT;
        }
    });

    private static final int MODELS_KEPT = 256;

    private record Models(OptimizerStatus phase1, Map<String, Object> phase2) {
    }

    public StatusService(LearningRepository repository, RewardModels rewards) {
        this.repository = repository;
        this.rewards = rewards;
    }

    /** The status, or a null item when there is no such study. */
    public Uni<Map<String, Object>> status(UUID studyId) {
        return repository.study(studyId).chain(study -> study == null ? Uni.createFrom().nullItem()
                : Uni.combine().all().unis(repository.ratedTrials(studyId), repository.labels(studyId),
                        repository.evolutions(studyId), repository.runningAbTest(studyId)).asTuple()
                        .chain(t -> {
                            var rated = t.getItem1();
                            var observations = TrialService.observations(rated);
                            var space = study.parameterSpace();
                            // Both are functions of the stored ratings (and the study's seed): the same count, the same answer.
                            var key = study.id() + ":" + observations.size() + ":" + (study.stoppedAt() != null);
                            var known = models.get(key);
                            Uni<Models> computed = known != null ? Uni.createFrom().item(known)
                                    : Uni.combine().all().unis(
                                            Workers.run(() -> optimizer.status(space, observations,
                                                    study.stoppedAt() != null, study.seed())),
                                            rewards.status(study, rated)).asTuple()
                                            .map(m -> new Models(m.getItem1(), m.getItem2()))
                                            .invoke(m -> models.put(key, m));
                            return computed.map(m -> io.smallrye.mutiny.tuples.Tuple2.of(m.phase1(), m.phase2()))
                                    .map(s -> status(study, space, observations, s.getItem1(), s.getItem2(), t.getItem2(),
                                            t.getItem3(), t.getItem4(), rated));
                        }));
    }

    private static Map<String, Object> status(Study study, ParameterSpace space, List<Observation> observations,
            OptimizerStatus phase1, Map<String, Object> phase2, Map<String, String> labels, List<EvolutionRun> evolutions,
            AbTest test, List<Experiment> rated) {
        var result = new LinkedHashMap<String, Object>();
        result.put("study_id", study.id());
        var one = new LinkedHashMap<String, Object>();
        one.put("active", !phase1.stopped());
        one.put("samples_collected", phase1.samples());
        one.put("max_samples", BayesianOptimizer.Settings.DESIGN.maxSamples());
        one.put("best_rating", phase1.bestValue());
        one.put("convergence", round(phase1.convergence()));
        one.put("estimated_trials_remaining", phase1.estimatedTrialsRemaining());
        one.put("stop_reason", phase1.stopReason() == null ? null : phase1.stopReason().name().toLowerCase(Locale.ROOT));
        result.put("phase_1", one);
        result.put("phase_2", phase2);
        var evolution = new LinkedHashMap<String, Object>();
        evolution.put("current_version", labels.get(StudyService.CURRENT));
        evolution.put("candidate_version", labels.get(StudyService.CANDIDATE));
        var last = evolutions.isEmpty() ? null : evolutions.getLast();
        evolution.put("last_evolution", last == null ? null : last.createdAt());
        evolution.put("last_evolution_engine", last == null ? null : last.engine());
        var figures = Evolutions.Figures.of(rated);
        evolution.put("next_evolution_at_sample", test != null ? null : EvolutionTriggers.nextEvolutionAtSample(
                figures.samples(), figures.best(), figures.samplesAtBest(), last == null ? null : last.atSample()));
        evolution.put("ab_test", test);
        result.put("prompt_evolution", evolution);
        result.put("current_best", currentBest(space, observations, phase1));
        return result;
    }

    /** The rated point the model expects to rate highest, with the stored parameters and its mean rating there. */
    private static Map<String, Object> currentBest(ParameterSpace space, List<Observation> observations,
            OptimizerStatus phase1) {
        if (phase1.recommendedPoint() == null) {
            return null;
        }
        var target = space.encode(phase1.recommendedPoint());
        Map<String, Object> nearest = null;
        double nearestDistance = Double.POSITIVE_INFINITY;
        for (var o : observations) {
            double d = distance(space.encode(o.point()), target);
            if (d < nearestDistance) {
                nearestDistance = d;
                nearest = o.point();
            }
        }
        var point = nearest;
        var ratings = observations.stream().filter(o -> distance(space.encode(o.point()), target) < 1e-9)
                .mapToDouble(Observation::value).toArray();
        var best = new LinkedHashMap<String, Object>();
        best.put("api", point.get("api"));
        best.put("avg_rating", ratings.length == 0 ? null : round(java.util.Arrays.stream(ratings).average().orElseThrow()));
        best.put("samples", ratings.length);
        best.put("parameters", ordered(space, point));
        return best;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum;
    }

    /** A point's values in the space's order. */
    static Map<String, Object> ordered(ParameterSpace space, Map<String, Object> point) {
        var ordered = new LinkedHashMap<String, Object>();
        space.dimensions().forEach(d -> ordered.put(d.name(), point.get(d.name())));
        return ordered;
    }

    // ---- history ----------------------------------------------------------------------------------------------------

    /**
     * Rated trials, most recent first (at most {@code limit}; those with an option rated at least {@code minRating};
     * those with an option drawn on {@code api}), and the analytics of all the study's ratings. A null item when
     * there is no such study.
     */
    public Uni<Map<String, Object>> history(UUID studyId, int limit, Integer minRating, String api) {
        return repository.study(studyId).chain(study -> study == null ? Uni.createFrom().nullItem()
                : repository.ratedTrials(studyId).map(rated -> history(study, rated, limit, minRating, api)));
    }

    private static Map<String, Object> history(Study study, List<Experiment> rated, int limit, Integer minRating,
            String api) {
        var experiments = new ArrayList<Map<String, Object>>();
        for (int i = rated.size() - 1; i >= 0 && experiments.size() < limit; i--) {
            var trial = rated.get(i);
            boolean rich = minRating == null || trial.options().stream()
                    .anyMatch(o -> o.rating() != null && o.rating() >= minRating);
            boolean onApi = api == null || trial.options().stream().anyMatch(o -> api.equals(o.api()));
            if (rich && onApi) {
                experiments.add(experiment(study, trial));
            }
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("experiments", experiments);
        result.put("analytics", analytics(study, rated));
        return result;
    }

    private static Map<String, Object> experiment(Study study, Experiment trial) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("experiment_id", trial.id());
        entry.put("seq", trial.seq());
        entry.put("created_at", trial.createdAt());
        entry.put("rated_at", trial.ratedAt());
        entry.put("rated_by", trial.ratedBy());
        entry.put("ab_test_id", trial.abTestId());
        entry.put("options", trial.shown().stream().map(o -> {
            var option = new LinkedHashMap<String, Object>();
            option.put("option", o.option());
            option.put("rating", o.rating() == null ? null : o.rating().doubleValue());
            option.put("api", o.api());
            option.put("parameters", o.parameters());
            option.put("prompt_version", o.promptVersion());
            option.put("image_id", o.renderId());
            option.put("url", io.shotcraft.renders.RenderOutput.url(o.renderId(), 0));
            option.put("comments", o.comments());
            return option;
        }).toList());
        return entry;
    }

    private static Map<String, Object> analytics(Study study, List<Experiment> rated) {
        var ratings = new ArrayList<Integer>();
        var bestSoFar = new ArrayList<Double>();
        Map<String, Object> bestParameters = null;
        int best = 0;
        var perApi = new TreeMap<String, double[]>();
        for (var trial : rated) {
            for (var o : trial.options()) {
                if (o.rating() == null) {
                    continue;
                }
                ratings.add(o.rating());
                if (o.rating() > best) {
                    best = o.rating();
                    bestParameters = o.parameters();
                }
                bestSoFar.add((double) best);
                var key = o.api() == null ? "default" : o.api();
                var sums = perApi.computeIfAbsent(key, k -> new double[2]);
                sums[0] += o.rating();
                sums[1]++;
            }
        }
        var trend = new ArrayList<Double>();
        for (int from = 0; from < ratings.size(); from += TREND_BLOCK) {
            var block = ratings.subList(from, Math.min(ratings.size(), from + TREND_BLOCK));
            trend.add(round(block.stream().mapToInt(Integer::intValue).average().orElseThrow()));
        }
        var apis = new LinkedHashMap<String, Object>();
        perApi.forEach((name, sums) -> apis.put(name, Map.of("avg_rating", round(sums[0] / sums[1]),
                "count", (int) sums[1])));
        var analytics = new LinkedHashMap<String, Object>();
        analytics.put("total_samples", ratings.size());
        analytics.put("avg_rating", ratings.isEmpty() ? null
                : round(ratings.stream().mapToInt(Integer::intValue).average().orElseThrow()));
        analytics.put("rating_trend", trend);
        analytics.put("trend_block", TREND_BLOCK);
        analytics.put("best_so_far", bestSoFar);
        analytics.put("best_parameters", bestParameters == null ? null : ordered(study.parameterSpace(), bestParameters));
        analytics.put("api_performance", apis);
        return analytics;
    }


    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
