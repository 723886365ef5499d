package io.shotcraft.learning.reward;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import io.shotcraft.learning.optimize.ParameterSpace;

/**
 * The reward model's costs, run by {@code docs/bench/reward.sh}: {@link ImageFeatures#extract} of a 1024×1024 8-bit
 * RGB PNG (a gradient with noise and blocks, so it compresses like a render rather than like a flat test card: decode,
 * downscale to 256 px, features), then {@link RewardModel#fit}, {@link RewardModel#evaluate} and one prediction at 250
 * samples with all 103 image features on the preset space. Each is warmed up, then the median of the timed runs is
 * printed. Not a test: no timed assertion.
 */
public final class RewardBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        byte[] png = scene(1024, 1024);
        System.out.printf("1024×1024 PNG (%d KB): features %.1f ms, of which decode + downscale %.1f ms%n", png.length / 1024,
                median(() -> ImageFeatures.extract(png, "image/png"), runs), median(() -> ImageDecoder.decode(png, "image/png"), runs));
        var space = ParameterSpace.preset();
        var samples = samples(250, new Random(1));
        var model = RewardModel.fit(space, samples);
        var probe = samples.getFirst();
        System.out.printf("250 samples, %d image features: fit %.1f ms, evaluate (5-fold) %.1f ms, predict %.3f ms%n",
                ImageFeatures.names().size(), median(() -> RewardModel.fit(space, samples), runs / 3),
                median(() -> RewardModel.evaluate(space, samples, 1), runs / 6),
                median(() -> model.predict(probe.imageFeatures(), probe.parameters(), probe.prompt()), runs));
    }

    /** Median milliseconds of {@code runs} calls after as many warm-up calls. */
    private static double median(Supplier<?> task, int runs) {
        for (int i = 0; i < runs; i++) {
            task.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[runs / 2] / 1e6;
    }

    private static List<RewardSample> samples(int n, Random random) {
        var samples = new ArrayList<RewardSample>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("api", random.nextBoolean() ? "leonardo" : "stablediffusion");
            point.put("init_strength", 0.1 + 0.4 * random.nextDouble());
            point.put("guidance_scale", 5 + 7 * random.nextDouble());
            point.put("controlnet_weight", 0.7 + 0.29 * random.nextDouble());
            double[] features = random.doubles(ImageFeatures.names().size()).toArray();
            double rating = Math.clamp(1.5 + 7.5 * ((double) point.get("init_strength") - 0.1) + 0.3 * random.nextGaussian(), 1, 5);
            samples.add(new RewardSample(features, point, "portrait, term " + random.nextInt(40), rating));
        }
        return samples;
    }

    private static byte[] scene(int width, int height) {
        var random = new Random(1);
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int noise = random.nextInt(16);
                int block = ((x / 64 + y / 64) % 3) * 40;
                int r = Math.min(255, x * 200 / width + noise);
                int g = Math.min(255, y * 180 / height + block / 2 + noise);
                int b = Math.min(255, 60 + block + noise);
                rgb[y * width + x] = r << 16 | g << 8 | b;
            }
        }
        return TestPng.rgb(width, height, rgb);
    }
}
