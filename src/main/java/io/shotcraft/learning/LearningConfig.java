package io.shotcraft.learning;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Settings of learning ({@code shotcraft.learning.*}): how trials are drawn and rendered, how ratings move versions.
 * The stopping criteria and the optimiser's own constants are the design's ({@code BayesianOptimizer.Settings.DESIGN}).
 */
@ConfigMapping(prefix = "shotcraft.learning")
public interface LearningConfig {

    /**
     * How long a trial that was rendered and not rated counts as pending: its points are kept away from new
     * suggestions until then (a rater who walked away does not block that part of the space for ever).
     */
    @WithDefault("PT24H")
    Duration pendingFor();

    /** Render backend of a study that names none (the offline one draws previews with no key). */
    @WithDefault("offline")
    String defaultBackend();

    /** Longest prompt an evolved version may have, unless the study sets its own. */
    @WithDefault("1500")
    int maxPromptLength();

    /** Largest input image of a trial. */
    @WithDefault("1048576")
    int maxImageBytes();

    /** Times a trial recomputes its suggestions when another trial of the study was numbered first. */
    @WithDefault("5")
    int trialAttempts();

    /**
     * Candidates a trial renders once the reward model is ready for inference: the best predicted and the most
     * uncertain of them are shown (the design's pre-filter and active learning).
     */
    @WithDefault("4")
    @WithName("prefilter-candidates")
    int prefilterCandidates();

    /** Most experiments one history page shows. */
    @WithDefault("200")
    int historyMax();
}
