package io.shotcraft.learning;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.learning.evolve.AbDecision;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.smallrye.mutiny.Uni;

/**
 * A/B tests of evolved versions: which version each side of a trial shows, and what a rated pair does to the running
 * test. Assignment is sticky per trial (it is stored with the trial's options) and the candidate's side is drawn
 * from the trial's id, so neither side is favoured.
 */
@ApplicationScoped
public class AbTests {

    private final LearningRepository repository;
    private final LearningMetrics metrics;

    public AbTests(LearningRepository repository, LearningMetrics metrics) {
        this.repository = repository;
        this.metrics = metrics;
    }

    /**
     * The versions of a new trial's sides: the current one on both, or, while a test runs, the candidate on one side
     * and the current one on the other.
     *
     * @param abTestId the running test, null when none
     * @param versions the version of side A, then side B
     */
    record Assignment(UUID abTestId, List<String> versions) {
    }

    Uni<Assignment> assignment(UUID studyId, UUID trialId) {
        return Uni.combine().all().unis(repository.labels(studyId), repository.runningAbTest(studyId)).asTuple()
                .map(t -> {
                    var current = t.getItem1().get(StudyService.CURRENT);
                    if (current == null) {
                        throw new ProblemException(ProblemType.CONFLICT, "The study has no current version; label one");
                    }
                    var test = t.getItem2();
                    if (test == null) {
                        return new Assignment(null, List.of(current, current));
                    }
                    return candidateOnA(trialId) ? new Assignment(test.id(), List.of(test.candidate(), test.current()))
                            : new Assignment(test.id(), List.of(test.current(), test.candidate()));
                });
    }

    /**
     * Counts a rated trial's pair for the A/B test it served (the candidate's rating against the current one's) and
     * decides when the figures allow: promoted (the candidate becomes current), retired, or kept_current after the
     * most pairs; then the next queued test starts. The test after this pair, or a null item when the trial served
     * none.
     */
    Uni<AbTest> pairRated(Experiment trial) {
        if (trial.abTestId() == null) {
            return Uni.createFrom().nullItem();
        }
        return repository.abTest(trial.abTestId()).chain(test -> {
            var candidate = rating(trial, test.candidate());
            var current = rating(trial, test.current());
            if (candidate == null || current == null || test.candidate().equals(test.current())) {
                return Uni.createFrom().item(test);
            }
            return repository.countPair(test.id(), Integer.compare(candidate, current))
                    .chain(counted -> counted == null ? repository.abTest(test.id()) : decide(counted));
        });
    }

    private Uni<AbTest> decide(AbTest test) {
        var result = AbDecision.decide(test.wins(), test.losses(), test.ties());
        var status = switch (result.decision()) {
            case PROMOTE -> "promoted";
            case RETIRE -> "retired";
            case KEEP_CURRENT -> "kept_current";
            case CONTINUE -> null;
        };
        if (status == null) {
            return Uni.createFrom().item(test);
        }
        var at = StudyService.now();
        return repository.decideAbTest(test, status, result.probability(), at)
                .invoke(decided -> {
                    if (decided) {
                        metrics.abDecided(status);
                        Log.infof("A/B test %s of study %s: %s %s after %d pairs (%d won, %d lost, P(better) = %.3f)",
                                test.id(), test.studyId(), test.candidate(), status, result.pairs(), result.wins(),
                                result.losses(), result.probability());
                    }
                })
                .chain(() -> repository.startNextAbTest(test.studyId(), at))
                .chain(() -> repository.abTest(test.id()));
    }

    private static Integer rating(Experiment trial, String version) {
        return trial.options().stream().filter(o -> version.equals(o.promptVersion())).map(Experiment.Option::rating)
                .findFirst().orElse(null);
    }

    static boolean candidateOnA(UUID trialId) {
        return (trialId.getLeastSignificantBits() & 1) == 0;
    }
}
