package io.shotcraft.learning.reward;

/**
 * How well the reward model predicts, by 5-fold cross-validation (see {@link RewardModel#evaluate}).
 *
 * @param modelAccuracy     the fraction of held-out ratings predicted within ±0.5 (the design's target); null under 5 samples
 * @param baselineAccuracy  the same for predicting the training folds' mean rating
 * @param modelRmse         root mean squared error of the held-out predictions
 * @param baselineRmse      the same for the mean
 * @param readyForInference whether the model may pre-filter candidates and pick uncertain ones: see {@link RewardModel}
 */
public record RewardStatus(int trainingSamples, Double modelAccuracy, Double baselineAccuracy, Double modelRmse,
        Double baselineRmse, boolean readyForInference) {
}
