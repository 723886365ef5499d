package io.shotcraft.renders.offline;

/** An RGB pixel buffer with the few drawing operations a preview needs: rectangles, gradients and bitmap text. */
final class Canvas {

    final int width;
    final int height;
    final int[] rgb;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.rgb = new int[width * height];
    }

    /** A vertical gradient from {@code top} to {@code bottom} over the whole canvas. */
    void verticalGradient(int top, int bottom) {
        for (int y = 0; y < height; y++) {
            int colour = mix(top, bottom, height == 1 ? 0 : (double) y / (height - 1));
            java.util.Arrays.fill(rgb, y * width, (y + 1) * width, colour);
        }
    }

    void fill(int x, int y, int w, int h, int colour) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        for (int row = y0; row < y1; row++) {
            java.util.Arrays.fill(rgb, row * width + x0, Math.max(row * width + x0, row * width + x1), colour);
        }
    }

    /** Darkens or lightens a rectangle towards {@code colour} by {@code amount} (0–1), keeping what is under it. */
    void shade(int x, int y, int w, int h, int colour, double amount) {
        for (int row = Math.max(0, y); row < Math.min(height, y + h); row++) {
            for (int col = Math.max(0, x); col < Math.min(width, x + w); col++) {
                int at = row * width + col;
                rgb[at] = mix(rgb[at], colour, amount);
            }
        }
    }

    /** Draws {@code text} from its top-left corner, each font pixel a {@code scale}×{@code scale} square. */
    void text(String text, int x, int y, int scale, int colour) {
        for (int i = 0; i < text.length(); i++) {
            int left = x + i * BitmapFont.WIDTH * scale;
            if (left >= width) {
                return;
            }
            char c = text.charAt(i);
            for (int gy = 0; gy < BitmapFont.HEIGHT; gy++) {
                for (int gx = 0; gx < BitmapFont.WIDTH; gx++) {
                    if (BitmapFont.pixel(c, gx, gy)) {
                        fill(left + gx * scale, y + gy * scale, scale, scale, colour);
                    }
                }
            }
        }
    }

    static int mix(int from, int to, double t) {
        int r = (int) Math.round(((from >> 16) & 0xff) * (1 - t) + ((to >> 16) & 0xff) * t);
        int g = (int) Math.round(((from >> 8) & 0xff) * (1 - t) + ((to >> 8) & 0xff) * t);
        int b = (int) Math.round((from & 0xff) * (1 - t) + (to & 0xff) * t);
        return r << 16 | g << 8 | b;
    }

    /** Relative luminance (0–1) of an sRGB colour, to choose a legible text colour over it. */
    static double luminance(int colour) {
        return (0.2126 * ((colour >> 16) & 0xff) + 0.7152 * ((colour >> 8) & 0xff) + 0.0722 * (colour & 0xff)) / 255;
    }
}
