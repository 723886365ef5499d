package io.shotcraft.learning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.shotcraft.learning.reward.ImageFeatures;
import io.shotcraft.learning.reward.RewardModel;
import io.shotcraft.learning.reward.RewardSample;
import io.shotcraft.platform.Workers;
import io.shotcraft.renders.RenderResult;
import io.shotcraft.renders.RenderService;
import io.smallrye.mutiny.Uni;

/**
 * Phase 2, the reward model: each rendered option's classical image features are extracted once, when its render is
 * stored, and kept with the option; the model (features, parameters and the prompt's terms → rating) is rebuilt and
 * cross-validated from the stored ratings whenever the status is read. It is reported ready for inference only when
 * it clearly beats predicting the mean on 200 ratings or more ({@link RewardModel#evaluate}).
 */
@ApplicationScoped
public class RewardModels {

    private final LearningRepository repository;
    private final RenderService renders;

    public RewardModels(LearningRepository repository, RenderService renders) {
        this.repository = repository;
        this.renders = renders;
    }

    /**
     * Extracts and stores an option's image features from its render's first output. Formats the extractor cannot
     * read (it decodes PNG) leave the option without features: the model then uses its parameters and prompt.
     */
    Uni<Void> extract(UUID trialId, String option, RenderResult result) {
        if (result.outputs().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return renders.output(result.renderId(), 0)
                .chain(stored -> stored == null ? Uni.createFrom().nullItem()
                        : Workers.run(() -> ImageFeatures.extract(stored.bytes(), stored.contentType()).orElse(null)))
                .chain(features -> features == null ? Uni.createFrom().voidItem()
                        : repository.features(trialId, option, features))
                .onFailure().invoke(e -> Log.warnf("Trial %s option %s: image features not extracted (%s)", trialId,
                        option, e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** The design's {@code phase_2} block for a study's rated trials. */
    Uni<Map<String, Object>> status(Study study, List<Experiment> rated) {
        return repository.versions(study.id()).chain(versions -> {
            var prompts = new LinkedHashMap<String, PromptVersion>();
            versions.forEach(v -> prompts.put(v.version(), v));
            var samples = samples(rated, prompts);
            return Workers.run(() -> RewardModel.evaluate(study.parameterSpace(), samples, study.seed()))
                    .map(status -> {
                        var phase2 = new LinkedHashMap<String, Object>();
                        phase2.put("active", true);
                        phase2.put("training_samples", status.trainingSamples());
                        phase2.put("model_accuracy", status.modelAccuracy());
                        phase2.put("baseline_accuracy", status.baselineAccuracy());
                        phase2.put("model_rmse", status.modelRmse());
                        phase2.put("baseline_rmse", status.baselineRmse());
                        phase2.put("ready_for_inference", status.readyForInference());
                        phase2.put("feature_source", "classical");
                        return (Map<String, Object>) phase2;
                    });
        });
    }

    /**
     * The model to screen a new trial's candidates with, fitted on the study's ratings, when it is ready for
     * inference; a null item before (fewer than {@link RewardModel#MIN_READY_SAMPLES} ratings, or not clearly better
     * than the mean).
     */
    Uni<RewardModel> screening(Study study, List<Experiment> rated) {
        int samples = rated.stream().mapToInt(t -> (int) t.options().stream().filter(o -> o.rating() != null).count()).sum();
        if (samples < RewardModel.MIN_READY_SAMPLES) {
            return Uni.createFrom().nullItem();
        }
        return repository.versions(study.id()).chain(versions -> {
            var prompts = new LinkedHashMap<String, PromptVersion>();
            versions.forEach(v -> prompts.put(v.version(), v));
            var data = samples(rated, prompts);
            var space = study.parameterSpace();
            return Workers.run(() -> RewardModel.evaluate(space, data, study.seed()).readyForInference()
                    ? RewardModel.fit(space, data) : null);
        });
    }

    static List<RewardSample> samples(List<Experiment> rated, Map<String, PromptVersion> versions) {
        var samples = new ArrayList<RewardSample>();
        for (var trial : rated) {
            for (var option : trial.options()) {
                if (option.rating() == null) {
                    continue;
                }
                var version = versions.get(option.promptVersion());
                var prompt = version == null ? "" : version.prompt(option.api());
                samples.add(new RewardSample(option.features(), option.parameters(), prompt, option.rating()));
            }
        }
        return samples;
    }
}
