package io.shotcraft.learning.reward;

import java.util.Map;

/**
 * One rating the reward model learns from.
 *
 * @param imageFeatures the render's image features ({@link FeatureSource}), or null when the image could not be read
 * @param parameters    the render's parameter point, as {@code ParameterSpace.encode} takes it
 * @param prompt        the prompt; its comma-separated terms are inputs
 * @param rating        the person's rating, 1 to 5
 */
public record RewardSample(double[] imageFeatures, Map<String, Object> parameters, String prompt, double rating) {

    public RewardSample {
        if (!(rating >= 1 && rating <= 5)) {
            throw new IllegalArgumentException("a rating is from 1 to 5, got " + rating);
        }
        if (imageFeatures != null && !java.util.Arrays.stream(imageFeatures).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("image features must be finite numbers");
        }
        imageFeatures = imageFeatures == null ? null : imageFeatures.clone();
    }
}
