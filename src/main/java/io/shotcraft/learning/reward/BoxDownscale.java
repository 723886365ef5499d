package io.shotcraft.learning.reward;

/**
 * Shrinks an image fed row by row so that its longer side is at most {@code maxSide}, each output pixel the mean of
 * the block of source pixels that maps onto it (a box filter: blocks differ in size by at most one row or column).
 * Only one output row of sums is held. An image already small enough passes through unchanged.
 */
final class BoxDownscale {

    private final int width;
    private final int height;
    private final int outWidth;
    private final int outHeight;
    private final int[] columnOf;
    private final int[] out;
    private final long[] sums;
    private final int[] counts;
    private int band = -1;

    BoxDownscale(int width, int height, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("maxSide must be at least 1, got " + maxSide);
        }
        this.width = width;
        this.height = height;
        double scale = Math.min(1.0, (double) maxSide / Math.max(width, height));
        this.outWidth = Math.max(1, (int) Math.round(width * scale));
        this.outHeight = Math.max(1, (int) Math.round(height * scale));
        this.columnOf = new int[width];
        for (int x = 0; x < width; x++) {
            columnOf[x] = (int) ((long) x * outWidth / width);
        }
        this.out = new int[outWidth * outHeight];
        this.sums = new long[outWidth * 3];
        this.counts = new int[outWidth];
    }

    /** Adds source row {@code y}; rows must come in order. */
    void add(int y, int[] pixels) {
        int target = (int) ((long) y * outHeight / height);
        if (target != band) {
            flush();
            band = target;
        }
        for (int x = 0; x < width; x++) {
            int p = pixels[x];
            int c = columnOf[x];
            sums[3 * c] += p >>> 16 & 0xff;
            sums[3 * c + 1] += p >>> 8 & 0xff;
            sums[3 * c + 2] += p & 0xff;
            counts[c]++;
        }
    }

    RgbImage image() {
        flush();
        return new RgbImage(outWidth, outHeight, out);
    }

    private void flush() {
        if (band < 0) {
            return;
        }
        for (int c = 0; c < outWidth; c++) {
            int n = counts[c];
            if (n > 0) {
                out[band * outWidth + c] = mean(sums[3 * c], n) << 16 | mean(sums[3 * c + 1], n) << 8 | mean(sums[3 * c + 2], n);
            }
            sums[3 * c] = sums[3 * c + 1] = sums[3 * c + 2] = 0;
            counts[c] = 0;
        }
        band = -1;
    }

    private static int mean(long sum, int n) {
        return (int) ((sum + n / 2) / n);
    }
}
