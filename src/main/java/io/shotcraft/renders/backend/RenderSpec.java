package io.shotcraft.renders.backend;

import java.util.Map;

import io.shotcraft.renders.RenderParameters;

/**
 * One render as a backend receives it: the prompt, the model, and the parameters with the size resolved (from width
 * and height, or an aspect ratio, or the default) and the output count settled.
 */
public record RenderSpec(String prompt, String negativePrompt, String model, int width, int height, String aspectRatio,
        Long seed, Integer steps, Double guidance, Double durationSeconds, int count, Map<String, Object> modelInputs) {

    /** Longest side of a size given only as an aspect ratio, or not at all. */
    static final int DEFAULT_SIDE = 1024;

    public static RenderSpec of(String prompt, String negativePrompt, String model, RenderParameters p) {
        int width;
        int height;
        String ratio;
        if (p.width() != null && p.height() != null) {
            width = p.width();
            height = p.height();
            ratio = p.aspectRatio() != null ? p.aspectRatio() : reduced(width, height);
        } else {
            ratio = p.aspectRatio() != null ? p.aspectRatio() : p.durationSeconds() != null ? "16:9" : "1:1";
            var parts = ratio.split(":");
            int w = Integer.parseInt(parts[0]);
            int h = Integer.parseInt(parts[1]);
            width = w >= h ? DEFAULT_SIDE : roundTo8((double) DEFAULT_SIDE * w / h);
            height = h >= w ? DEFAULT_SIDE : roundTo8((double) DEFAULT_SIDE * h / w);
        }
        return new RenderSpec(prompt, blankToNull(negativePrompt), model, width, height, ratio, p.seed(), p.steps(),
                p.guidance(), p.durationSeconds(), p.count() == null ? 1 : p.count(),
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(p.modelInputsOrNone())));
    }

    public boolean video() {
        return durationSeconds != null;
    }

    /** The size as most APIs write it, {@code 1024x576}. */
    public String size() {
        return width + "x" + height;
    }

    /** This spec at another size (the offline backend's pixel cap). */
    public RenderSpec withSize(int newWidth, int newHeight) {
        return new RenderSpec(prompt, negativePrompt, model, newWidth, newHeight, aspectRatio, seed, steps, guidance,
                durationSeconds, count, modelInputs);
    }

    static String reduced(int width, int height) {
        int a = width;
        int b = height;
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return width / a + ":" + height / a;
    }

    private static int roundTo8(double value) {
        return Math.max(64, (int) Math.round(value / 8) * 8);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
