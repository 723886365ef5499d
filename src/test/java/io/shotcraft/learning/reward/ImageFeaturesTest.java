package io.shotcraft.learning.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.function.IntBinaryOperator;

import org.junit.jupiter.api.Test;

class ImageFeaturesTest {

    private static final int SIDE = 64;

    @Test
    void namesAreUniqueAndOnePerValue() {
        var features = ImageFeatures.of(image((x, y) -> 0x336699));

        assertThat(ImageFeatures.names()).hasSize(103).doesNotHaveDuplicates();
        assertThat(features).hasSize(ImageFeatures.names().size());
        assertThat(new HashSet<>(ImageFeatures.names().stream().map(n -> n.substring(0, n.indexOf('.'))).toList()))
                .containsExactlyInAnyOrder("colour", "edges", "texture", "lighting");
    }

    @Test
    void aFlatGreyImageHasNoEdgesNoTextureAndOneLumaBin() {
        var features = ImageFeatures.of(image((x, y) -> 0x808080));

        assertThat(value(features, "edges.density")).isZero();
        assertThat(value(features, "edges.mean_magnitude")).isZero();
        assertThat(sum(features, "lighting.luma_bin")).isEqualTo(1.0);
        assertThat(value(features, "lighting.luma_bin08")).isEqualTo(1.0);
        assertThat(value(features, "lighting.std")).isCloseTo(0, within(1e-12));
        assertThat(value(features, "lighting.mean")).isCloseTo(128 / 255.0, within(1e-12));
        for (var name : ImageFeatures.names()) {
            if (name.startsWith("texture.")) {
                assertThat(value(features, name)).as(name).isCloseTo(0, within(1e-12));
            }
        }
    }

    @Test
    void aPureRedImageFillsOneColourBin() {
        var features = ImageFeatures.of(image((x, y) -> 0xff0000));

        assertThat(value(features, "colour.r3g0b0")).isEqualTo(1.0);
        assertThat(sum(features, "colour.")).isEqualTo(1.0);
    }

    @Test
    void aCheckerboardHasDenseEdgesAndHalfItsPixelsClippedEachWay() {
        var features = ImageFeatures.of(image((x, y) -> (x / 8 + y / 8) % 2 == 0 ? 0xffffff : 0x000000));

        assertThat(value(features, "edges.density")).isGreaterThan(0.3);
        assertThat(value(features, "lighting.dark_clip")).isEqualTo(0.5);
        assertThat(value(features, "lighting.bright_clip")).isEqualTo(0.5);
        assertThat(value(features, "lighting.std")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void gaborEnergyFollowsTheStripesDirectionAndWavelength() {
        var vertical = ImageFeatures.of(image((x, y) -> grey(0.5 + 0.4 * Math.cos(2 * Math.PI * x / 4))));
        var horizontal = ImageFeatures.of(image((x, y) -> grey(0.5 + 0.4 * Math.cos(2 * Math.PI * y / 8))));

        assertThat(value(vertical, "texture.gabor_w4_0deg")).isGreaterThan(10 * value(vertical, "texture.gabor_w4_90deg"))
                .isGreaterThan(2 * value(vertical, "texture.gabor_w8_0deg"));
        assertThat(value(horizontal, "texture.gabor_w8_90deg")).isGreaterThan(10 * value(horizontal, "texture.gabor_w8_0deg"))
                .isGreaterThan(2 * value(horizontal, "texture.gabor_w4_90deg"));
        // amplitude 0.4 at the filter's own frequency gives about 0.4 / 2
        assertThat(value(vertical, "texture.gabor_w4_0deg")).isCloseTo(0.2, within(0.03));
    }

    @Test
    void theLightingGridSaysWhereTheLightIs() {
        var features = ImageFeatures.of(image((x, y) -> x < SIDE / 3 ? 0xffffff : 0x000000));

        assertThat(value(features, "lighting.grid_r1c0")).isGreaterThan(0.9);
        assertThat(value(features, "lighting.grid_r1c2")).isZero();
    }

    @Test
    void extractDecodesPngsSkipsOtherFormatsAndIsDeterministic() {
        var sample = TestPng.random(300, 200, 2, 8, 3);

        var first = ImageFeatures.extract(sample.png(), "image/png").orElseThrow();
        var second = ImageFeatures.extract(sample.png(), "image/png").orElseThrow();

        assertThat(first).isEqualTo(second);
        assertThat(ImageFeatures.extract(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff }, "image/jpeg")).isEmpty();
    }

    @Test
    void tinyImagesStillGiveEveryFeature() {
        var features = ImageFeatures.of(new RgbImage(1, 1, new int[] { 0x00ff00 }));

        assertThat(Arrays.stream(features).allMatch(Double::isFinite)).isTrue();
        assertThat(value(features, "lighting.grid_r2c2")).isCloseTo(0.7152, within(1e-9));
    }

    private static RgbImage image(IntBinaryOperator pixel) {
        int[] rgb = new int[SIDE * SIDE];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = pixel.applyAsInt(i % SIDE, i / SIDE);
        }
        return new RgbImage(SIDE, SIDE, rgb);
    }

    private static int grey(double level) {
        int v = (int) Math.round(level * 255);
        return v << 16 | v << 8 | v;
    }

    private static double value(double[] features, String name) {
        int i = ImageFeatures.names().indexOf(name);
        assertThat(i).as(name).isNotNegative();
        return features[i];
    }

    private static double sum(double[] features, String prefix) {
        double sum = 0;
        for (int i = 0; i < features.length; i++) {
            sum += ImageFeatures.names().get(i).startsWith(prefix) ? features[i] : 0;
        }
        return sum;
    }
}
