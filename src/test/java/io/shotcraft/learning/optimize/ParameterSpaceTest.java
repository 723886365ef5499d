package io.shotcraft.learning.optimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ParameterSpaceTest {

    static final ParameterSpace MIXED = ParameterSpace.of(
            new Dimension.Real("guidance_scale", 5.0, 12.0),
            new Dimension.IntegerDim("steps", 10, 50),
            new Dimension.Categorical("api", List.of("leonardo", "stablediffusion")),
            new Dimension.Categorical("style", List.of("photo", "anime", "sketch")));

    static Map<String, Object> point(Object guidance, Object steps, Object api, Object style) {
        var p = new HashMap<String, Object>();
        p.put("guidance_scale", guidance);
        p.put("steps", steps);
        p.put("api", api);
        p.put("style", style);
        return p;
    }

    @Test
    void encodesToTheUnitCubeAsSkoptDoes() {
        // real and integer scaled to [0, 1]; two categories in one 0/1 column; three one-hot
        assertThat(MIXED.encodedSize()).isEqualTo(1 + 1 + 1 + 3);
        assertThat(MIXED.encode(point(8.5, 30, "stablediffusion", "anime")))
                .containsExactly(0.5, 0.5, 1.0, 0.0, 1.0, 0.0);
        assertThat(MIXED.encode(point(5.0, 10, "leonardo", "sketch")))
                .containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
    }

    @Test
    void roundTripsWithIntegersRoundedAndCategoriesExact() {
        var p = point(7.25, 17, "leonardo", "photo");
        assertThat(MIXED.decode(MIXED.encode(p))).isEqualTo(Map.of(
                "guidance_scale", 7.25, "steps", 17, "api", "leonardo", "style", "photo"));

        var decoded = MIXED.decode(new double[] {0.3, 0.31, 0.7, 0.2, 0.1, 0.6});
        assertThat((double) decoded.get("guidance_scale")).isCloseTo(7.1, within(1e-12));
        assertThat(decoded.get("steps")).isEqualTo(22); // 10 + 0.31 × 40 = 22.4
        assertThat(decoded.get("api")).isEqualTo("stablediffusion");
        assertThat(decoded.get("style")).isEqualTo("sketch");
        assertThat(MIXED.snap(new double[] {0.3, 0.31, 0.7, 0.2, 0.1, 0.6}))
                .containsExactly(MIXED.encode(decoded));
    }

    @Test
    void decodesOutOfCubeValuesToTheNearestBound() {
        var decoded = MIXED.decode(new double[] {1.2, -0.1, 0.0, 1.0, 0.0, 0.0});
        assertThat(decoded.get("guidance_scale")).isEqualTo(12.0);
        assertThat(decoded.get("steps")).isEqualTo(10);
    }

    @Test
    void refusesPointsOutsideTheSpaceNamingTheDimension() {
        assertThatThrownBy(() -> MIXED.encode(point(12.5, 20, "leonardo", "photo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'guidance_scale'").hasMessageContaining("outside [5.0, 12.0]");
        assertThatThrownBy(() -> MIXED.encode(point(6.0, 51, "leonardo", "photo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'steps'");
        assertThatThrownBy(() -> MIXED.encode(point(6.0, 20.5, "leonardo", "photo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'steps'").hasMessageContaining("not an integer");
        assertThatThrownBy(() -> MIXED.encode(point(6.0, 20, "midjourney", "photo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'api'").hasMessageContaining("unknown category 'midjourney'");
        assertThatThrownBy(() -> MIXED.encode(point("6", 20, "leonardo", "photo")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'guidance_scale'").hasMessageContaining("expected a finite number");
        var missing = point(6.0, 20, "leonardo", "photo");
        missing.remove("style");
        assertThatThrownBy(() -> MIXED.encode(missing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'style' is missing");
        var extra = point(6.0, 20, "leonardo", "photo");
        extra.put("seed", 3);
        assertThatThrownBy(() -> MIXED.encode(extra))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown parameter(s) [seed]");
    }

    @Test
    void integralDoublesAreAcceptedForIntegers() {
        assertThat(MIXED.encode(point(6.0, 30.0, "leonardo", "photo"))[1]).isEqualTo(0.5);
    }

    @Test
    void presetIsTheDesignsSpace() {
        var preset = ParameterSpace.preset();
        assertThat(preset.dimensions()).extracting(Dimension::name)
                .containsExactly("api", "init_strength", "guidance_scale", "controlnet_weight");
        assertThat(preset.encodedSize()).isEqualTo(4);
        var p = Map.<String, Object>of("api", "leonardo", "init_strength", 0.28, "guidance_scale", 7.2,
                "controlnet_weight", 0.89);
        var back = preset.decode(preset.encode(p));
        assertThat(back.get("api")).isEqualTo("leonardo");
        assertThat((double) back.get("init_strength")).isCloseTo(0.28, within(1e-12));
        assertThat((double) back.get("guidance_scale")).isCloseTo(7.2, within(1e-12));
        assertThat((double) back.get("controlnet_weight")).isCloseTo(0.89, within(1e-12));
    }

    @Test
    void specsRoundTripAndRefuseBadDeclarations() {
        assertThat(ParameterSpace.fromSpecs(MIXED.toSpecs())).isEqualTo(MIXED);
        assertThat(ParameterSpace.fromSpecs(List.of(
                new DimensionSpec("guidance_scale", "Real", 5.0, 12.0, null),
                new DimensionSpec("steps", "integer", 10.0, 50.0, null),
                new DimensionSpec("api", "categorical", null, null, List.of("leonardo", "stablediffusion")),
                new DimensionSpec("style", "categorical", null, null, List.of("photo", "anime", "sketch")))))
                .isEqualTo(MIXED);

        assertThatThrownBy(() -> new DimensionSpec("x", "log", 1.0, 2.0, null).toDimension())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'").hasMessageContaining("'log'");
        assertThatThrownBy(() -> new DimensionSpec("x", "real", 1.0, null, null).toDimension())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'").hasMessageContaining("high");
        assertThatThrownBy(() -> new DimensionSpec("n", "integer", 1.5, 4.0, null).toDimension())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'n'");
        assertThatThrownBy(() -> DimensionSpec.real("x", 3, 1).toDimension())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
        assertThatThrownBy(() -> DimensionSpec.categorical("c", List.of("a")).toDimension())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'c'");
        assertThatThrownBy(() -> ParameterSpace.of(new Dimension.Real("x", 0, 1), new Dimension.Real("x", 0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x' is declared twice");
    }

    @Test
    void samplesEveryCategoryAndEveryIntegerUniformly() {
        var space = ParameterSpace.of(new Dimension.IntegerDim("n", 0, 2),
                new Dimension.Categorical("c", List.of("a", "b", "c")));
        var random = new Random(1);
        int[] counts = new int[3];
        int[] categories = new int[3];
        for (int i = 0; i < 3000; i++) {
            var p = space.decode(space.sampleEncoded(random));
            counts[(int) p.get("n")]++;
            categories[List.of("a", "b", "c").indexOf(p.get("c"))]++;
        }
        for (int i = 0; i < 3; i++) {
            assertThat(counts[i]).isBetween(900, 1100);
            assertThat(categories[i]).isBetween(900, 1100);
        }
    }
}
