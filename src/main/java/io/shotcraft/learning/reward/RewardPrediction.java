package io.shotcraft.learning.reward;

/**
 * A predicted rating, clamped to [1, 5], and the standard deviation of the rating a person would give (the model's
 * own uncertainty plus the rating noise it saw): what active learning ranks by.
 */
public record RewardPrediction(double rating, double stddev) {
}
