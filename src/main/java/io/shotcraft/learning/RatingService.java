package io.shotcraft.learning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.learning.optimize.BayesianOptimizer;
import io.shotcraft.platform.Ids;
import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.shotcraft.platform.ProblemType;
import io.smallrye.mutiny.Uni;

/**
 * Rates a trial (the design's {@code POST /api/train/rate}): every option once, stored in one transaction guarded by
 * the trial's status, so a trial is rated exactly once however many raters answer it at the same moment, and ratings
 * of different trials never touch each other. Then the pair counts for the running A/B test, and an evolution starts
 * when one is due.
 */
@ApplicationScoped
public class RatingService {

    private final LearningRepository repository;
    private final AbTests abTests;
    private final Evolutions evolutions;
    private final LearningMetrics metrics;

    public RatingService(LearningRepository repository, AbTests abTests, Evolutions evolutions,
            LearningMetrics metrics) {
        this.repository = repository;
        this.abTests = abTests;
        this.evolutions = evolutions;
        this.metrics = metrics;
    }

    /** The answer, or a null item when the study does not exist. */
    public Uni<RatingResult> rate(UUID studyId, RatingRequest request) {
        var trialId = Ids.parse(request.experimentId());
        if (trialId == null) {
            throw new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError("experiment_id",
                    "must be a trial's id (a UUID)"))));
        }
        return repository.study(studyId).chain(study -> {
            if (study == null) {
                return Uni.createFrom().nullItem();
            }
            return repository.experiment(trialId).chain(trial -> {
                if (trial == null || !trial.studyId().equals(studyId)) {
                    throw ProblemException.notFound("The study has no trial " + trialId);
                }
                var ratings = ratings(trial, request);
                refuseUnlessReady(trial);
                var by = request.ratedBy() == null || request.ratedBy().isBlank() ? null : request.ratedBy().strip();
                return repository.rate(trialId, by, StudyService.now(), ratings)
                        .chain(rated -> rated ? repository.experiment(trialId)
                                : repository.experiment(trialId).invoke(RatingService::refuseUnlessReady))
                        .invoke(() -> {
                            metrics.rated();
                            Log.infof("Trial %s of study %s rated", trialId, studyId);
                        })
                        .chain(rated -> abTests.pairRated(rated))
                        .chain(test -> answer(study, trialId, test));
            });
        });
    }

    /** The ratings by option; 400 naming each wrong entry. */
    private static LinkedHashMap<String, LearningRepository.Rating> ratings(Experiment trial, RatingRequest request) {
        var errors = new ArrayList<Problem.FieldError>();
        var ratings = new LinkedHashMap<String, LearningRepository.Rating>();
        var seen = new HashSet<String>();
        for (int i = 0; i < request.ratings().size(); i++) {
            var rating = request.ratings().get(i);
            var field = "ratings[" + i + "].";
            var option = trial.shown().stream().filter(o -> o.option().equals(rating.option())).findFirst();
            if (option.isEmpty()) {
                errors.add(new Problem.FieldError(field + "option", "the trial has options "
                        + trial.shown().stream().map(Experiment.Option::option).toList()));
                continue;
            }
            if (!seen.add(rating.option())) {
                errors.add(new Problem.FieldError(field + "option", "option " + rating.option() + " is rated twice"));
                continue;
            }
            if (rating.imageId() != null && !rating.imageId().equals(option.get().renderId().toString())) {
                errors.add(new Problem.FieldError(field + "image_id", "is not option " + rating.option() + "'s image"));
            }
            var comments = rating.comments() == null || rating.comments().isBlank() ? null : rating.comments().strip();
            ratings.put(rating.option(), new LearningRepository.Rating(rating.rating(), comments));
        }
        trial.shown().stream().map(Experiment.Option::option).filter(o -> !seen.contains(o))
                .forEach(o -> errors.add(new Problem.FieldError("ratings", "option " + o + " is not rated; rate every option")));
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemMappers.invalid(errors));
        }
        return ratings;
    }

    private static void refuseUnlessReady(Experiment trial) {
        switch (trial.status()) {
            case Experiment.RATED -> throw new ProblemException(ProblemType.CONFLICT, "Trial " + trial.id()
                    + " was already rated" + (trial.ratedBy() == null ? "" : " by " + trial.ratedBy()));
            case Experiment.RENDERING -> throw new ProblemException(ProblemType.CONFLICT, "Trial " + trial.id()
                    + " is still rendering; rate it when its job has completed");
            case Experiment.FAILED -> throw new ProblemException(ProblemType.CONFLICT, "Trial " + trial.id()
                    + " failed to render and cannot be rated");
            default -> {
                // ready
            }
        }
    }

    private Uni<RatingResult> answer(Study study, UUID trialId, AbTest test) {
        return repository.ratedTrials(study.id()).chain(rated -> {
            var observations = TrialService.observations(rated);
            var best = observations.stream().mapToDouble(o -> o.value()).max();
            var settings = BayesianOptimizer.Settings.DESIGN;
            boolean complete = study.stoppedAt() != null || observations.size() >= settings.maxSamples()
                    || (best.isPresent() && best.getAsDouble() >= settings.targetValue());
            // The rating is stored whatever happens here: an evolution that cannot start now waits for the next trigger.
            return evolutions.afterRating(study, rated, test)
                    .onFailure().invoke(e -> Log.warnf("Study %s: the evolution due after a rating did not start (%s)",
                            study.id(), e.getClass().getSimpleName()))
                    .onFailure().recoverWithNull()
                    .map(job -> new RatingResult(true, "Ratings saved", trialId, true,
                            best.isPresent() ? best.getAsDouble() : null, observations.size(), complete, test, job));
        });
    }
}
