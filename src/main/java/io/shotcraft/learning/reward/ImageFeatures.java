package io.shotcraft.learning.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The design's classical image features of a render, computed in Java at most {@link ImageDecoder#FEATURE_SIDE}
 * pixels on the longer side, in this order ({@link #names()}):
 * <ol>
 * <li>{@code colour.*}: {@link ColourHistogram}, 64 bins;</li>
 * <li>{@code edges.*}: {@link EdgeDensity}, Sobel density and mean magnitude, 2;</li>
 * <li>{@code texture.*}: {@link GaborTexture}, 2 wavelengths × 4 orientations, 8;</li>
 * <li>{@code lighting.*}: {@link LightingDistribution}, 16 luma bins, mean, std, dark and bright clipping, 3×3 grid, 29.</li>
 * </ol>
 * Every value is in [0, 1] or close to it, and the same image always gives the same values. The reward model
 * standardises them, so their scales need not match.
 */
public final class ImageFeatures {

    private static final List<String> NAMES = allNames();

    private ImageFeatures() {
    }

    /** The features' names, one per value of {@link #extract}. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * The features of an image, or empty when it is not a PNG (see {@link ImageDecoder}).
     *
     * @throws UnreadableImageException for a PNG the decoder refuses
     */
    public static Optional<double[]> extract(byte[] image, String contentType) {
        return ImageDecoder.decode(image, contentType).map(ImageFeatures::of);
    }

    /** The features of decoded pixels, at the size given (no downscale). */
    public static double[] of(RgbImage image) {
        double[] out = new double[NAMES.size()];
        var luma = Luma.of(image);
        int at = 0;
        ColourHistogram.compute(image, out, at);
        at += ColourHistogram.names().size();
        EdgeDensity.compute(luma, out, at);
        at += EdgeDensity.names().size();
        GaborTexture.compute(luma, out, at);
        at += GaborTexture.names().size();
        LightingDistribution.compute(luma, out, at);
        return out;
    }

    private static List<String> allNames() {
        var names = new ArrayList<String>();
        names.addAll(ColourHistogram.names());
        names.addAll(EdgeDensity.names());
        names.addAll(GaborTexture.names());
        names.addAll(LightingDistribution.names());
        return List.copyOf(names);
    }
}
