package io.shotcraft.learning.reward;

import java.util.Random;

/**
 * Milliseconds per {@link ImageFeatures#extract} of a 1024×1024 8-bit RGB PNG (a gradient with noise and blocks, so
 * it compresses like a render rather than like a flat test card): decode + downscale to 256 px + features. Warms up,
 * then prints the median of the timed runs. Not a test: run with
 * {@code java -cp target/classes:target/test-classes io.shotcraft.learning.reward.ImageFeaturesBenchmark [runs]}.
 */
public final class ImageFeaturesBenchmark {

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        byte[] png = scene(1024, 1024);
        for (int i = 0; i < 10; i++) {
            ImageFeatures.extract(png, "image/png");
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            ImageFeatures.extract(png, "image/png");
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        long decodeOnly = time(() -> ImageDecoder.decode(png, "image/png"), runs);
        System.out.printf("1024×1024 PNG (%d KB): extract median %.1f ms (min %.1f, max %.1f); decode+downscale alone %.1f ms%n",
                png.length / 1024, nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6, decodeOnly / 1e6);
    }

    private static long time(Runnable task, int runs) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.run();
            nanos[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(nanos);
        return nanos[runs / 2];
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
