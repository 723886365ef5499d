package io.shotcraft.learning.reward;

import java.util.List;
import java.util.Optional;

/** {@link ImageFeatures} as a {@link FeatureSource}. */
enum ClassicalFeatureSource implements FeatureSource {
    INSTANCE;

    @Override
    public List<String> names() {
        return ImageFeatures.names();
    }

    @Override
    public Optional<double[]> extract(byte[] image, String contentType) {
        return ImageFeatures.extract(image, contentType);
    }
}
