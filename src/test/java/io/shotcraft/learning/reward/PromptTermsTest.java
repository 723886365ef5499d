package io.shotcraft.learning.reward;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromptTermsTest {

    @Test
    void termsAreTheCommaSeparatedPartsWithCasePunctuationAndEndingsFolded() {
        var terms = PromptTerms.terms(" Red Apples, red apple ;Golden  hour,, close-up");

        assertThat(terms).hasSize(3).containsAll(PromptTerms.terms("red apple, golden hour, close up"));
        assertThat(terms.getFirst()).isEqualTo(PromptTerms.terms("red apple").getFirst());
        assertThat(PromptTerms.terms(null)).isEmpty();
    }

    @Test
    void eachTermCountsOnceInAStableBucket() {
        double[] counts = new double[PromptTerms.BUCKETS + 2];
        PromptTerms.hash("rain, Rain, portrait", counts, 2);

        assertThat(counts[0]).isZero();
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(2.0);
        assertThat(counts[2 + PromptTerms.bucket("rain")]).isPositive();
        assertThat(PromptTerms.bucket("rain")).isEqualTo(PromptTerms.bucket("rain")).isBetween(0, PromptTerms.BUCKETS - 1);
    }

    @Test
    void theClassicalFeatureSourceIsImageFeatures() {
        assertThat(FeatureSource.classical().names()).isEqualTo(ImageFeatures.names());
    }
}
