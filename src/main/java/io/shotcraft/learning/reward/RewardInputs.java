package io.shotcraft.learning.reward;

import java.util.Map;

import io.shotcraft.learning.optimize.ParameterSpace;

/**
 * The model's input row: the image features (zeros when there are none), a 1/0 "has image features" indicator, the
 * parameter point's unit-cube encoding and the prompt's hashed terms. The indicator lets the model keep apart "no
 * image" from "an image whose features are all zero", and learn a separate level for renders it could not read.
 *
 * @param imageFeatures how many image features the model takes: fixed by the first sample that has them, 0 if none
 */
record RewardInputs(ParameterSpace space, int imageFeatures) {

    int width() {
        return imageFeatures + 1 + space.encodedSize() + PromptTerms.BUCKETS;
    }

    /**
     * @throws IllegalArgumentException when the features' length differs from the model's (features given to a model
     *                                  that never saw any are ignored) or the point does not fit the space
     */
    double[] row(double[] features, Map<String, ?> parameters, String prompt) {
        double[] row = new double[width()];
        if (features != null && imageFeatures > 0) {
            if (features.length != imageFeatures) {
                throw new IllegalArgumentException("expected " + imageFeatures + " image features, got " + features.length);
            }
            System.arraycopy(features, 0, row, 0, imageFeatures);
            row[imageFeatures] = 1;
        }
        double[] point = space.encode(parameters);
        System.arraycopy(point, 0, row, imageFeatures + 1, point.length);
        PromptTerms.hash(prompt, row, imageFeatures + 1 + point.length);
        return row;
    }
}
