package io.shotcraft.learning.optimize;

import java.util.Map;

/**
 * Where a Phase 1 session stands, as the design's {@code GET /api/train/status} reports it.
 *
 * @param samples rated trials so far
 * @param bestValue the highest rating so far, null before the first
 * @param bestPoint the parameters that got it (the first of equal ratings), null before the first
 * @param recommendedPoint the rated parameters the model expects to rate highest (its posterior mean, which discounts a
 *        lucky rating); the best point until the model starts after the initial design
 * @param stopReason why the session should stop, null while it should go on
 * @param convergence progress toward stopping in [0, 1]: {@code samples / (samples + estimatedTrialsRemaining)}, 1 once
 *        stopped (the design's example: 23 samples, 27 remaining → 0.46)
 * @param estimatedTrialsRemaining ratings still expected before a stop: the samples left to the maximum, or fewer when
 *        the model gives some point a fair chance of reaching the target rating (see {@link BayesianOptimizer#status})
 */
public record OptimizerStatus(
        int samples,
        Double bestValue,
        Map<String, Object> bestPoint,
        Map<String, Object> recommendedPoint,
        StopReason stopReason,
        double convergence,
        int estimatedTrialsRemaining) {

    /** The design's Phase 1 stopping criteria. */
    public enum StopReason {
        /** An administrator stopped it. */
        MANUAL,
        /** The best rating reached the target (4.0 of 5). */
        TARGET_REACHED,
        /** The maximum number of samples (50) was collected. */
        MAX_SAMPLES
    }

    public boolean stopped() {
        return stopReason != null;
    }
}
