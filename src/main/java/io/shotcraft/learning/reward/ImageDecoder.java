package io.shotcraft.learning.reward;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a render's image into RGB pixels for {@link ImageFeatures}, in plain Java (zlib from {@link java.util.zip}): no
 * java.awt or ImageIO, which the native image's minimal container does not have.
 *
 * <p>PNG only: colour types 0, 2, 3, 4 and 6 at every bit depth the specification allows (16-bit samples keep their
 * high byte), all five row filters, not interlaced. A PNG that cannot be read (interlaced, damaged, truncated, larger
 * than {@link #MAX_PIXELS}) is refused with an {@link UnreadableImageException}. Other formats (JPEG, WebP, …) give
 * {@link Optional#empty()}: the reward model then learns from the parameters and the prompt alone.
 *
 * <p>Rows are streamed into a box-filter downscale, so a large render costs time but never a full-size raster.
 */
public final class ImageDecoder {

    /** The largest image read, 40 megapixels: beyond any render the service asks for. */
    public static final long MAX_PIXELS = 40_000_000L;
    /** Longest side the features are computed at: enough for histograms, edges and texture, and fast. */
    public static final int FEATURE_SIDE = 256;

    private ImageDecoder() {
    }

    /** The image at most {@link #FEATURE_SIDE} pixels on its longer side, or empty when it is not a PNG. */
    public static Optional<RgbImage> decode(byte[] image, String contentType) {
        return decode(image, contentType, FEATURE_SIDE);
    }

    /**
     * The image, box-filtered down to at most {@code maxSide} pixels on its longer side ({@code Integer.MAX_VALUE} for
     * full size), or empty when it is not a PNG. The bytes decide: a PNG is read whatever the content type says, and
     * bytes labelled {@code image/png} that are not a PNG are refused.
     */
    public static Optional<RgbImage> decode(byte[] image, String contentType, int maxSide) {
        if (image == null || !Png.hasSignature(image)) {
            if (isPngType(contentType)) {
                throw new UnreadableImageException("content type " + contentType + " but the bytes are not a PNG");
            }
            return Optional.empty();
        }
        var png = Png.read(image);
        var header = png.header();
        var downscale = new BoxDownscale(header.width(), header.height(), maxSide);
        var pixels = new int[header.width()];
        try (var rows = new PngRows(png)) {
            for (int y = 0; y < header.height(); y++) {
                rows.next(pixels);
                downscale.add(y, pixels);
            }
        }
        return Optional.of(downscale.image());
    }

    private static boolean isPngType(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("image/png");
    }
}
