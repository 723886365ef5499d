package io.shotcraft.learning.reward;

import java.util.List;
import java.util.Optional;

/**
 * Where a render's image features come from: named values the reward model learns from, or empty for an image the
 * source cannot read (the model then uses the parameters and the prompt alone).
 *
 * <p>{@link #classical()} is the one source, and the default. The design also names CLIP embeddings; they need a vision
 * model the service does not ship, so they are left out (off by default, not implemented). A CLIP source would
 * implement this interface, and its vector would be appended to the classical one before it reaches
 * {@link RewardSample#imageFeatures()}: the model takes feature vectors of any fixed length.
 */
public interface FeatureSource {

    /** The names of the values {@link #extract} gives, in order. */
    List<String> names();

    /** The image's features, or empty when this source cannot read the format. */
    Optional<double[]> extract(byte[] image, String contentType);

    /** The design's classical features, see {@link ImageFeatures}. */
    static FeatureSource classical() {
        return ClassicalFeatureSource.INSTANCE;
    }
}
