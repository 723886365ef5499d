package io.shotcraft.learning.reward;

import java.util.ArrayList;
import java.util.List;

/**
 * The design's Gabor texture analysis: the mean magnitude of the complex Gabor response of the luma (its mean
 * removed) for wavelengths of {@link #WAVELENGTHS} pixels at 0°, 45°, 90° and 135°: fine grain versus coarse
 * structure, and its dominant direction. The envelope is a circular Gaussian with σ = 0.56 λ (one octave of
 * bandwidth), normalised to unit sum, so a sinusoid of amplitude A at the filter's own frequency and direction gives
 * about A / 2 and a flat image gives 0.
 *
 * <p>With a circular envelope the complex kernel is the product of a horizontal and a vertical complex kernel,
 * so each filter is two 1-D passes (2·(6σ+1) taps per pixel instead of (6σ+1)²). Borders repeat the edge pixels.
 */
final class GaborTexture {

    static final int[] WAVELENGTHS = { 4, 8 };
    static final int[] DEGREES = { 0, 45, 90, 135 };
    private static final double SIGMA_PER_WAVELENGTH = 0.56;

    private GaborTexture() {
    }

    static List<String> names() {
        var names = new ArrayList<String>();
        for (int wavelength : WAVELENGTHS) {
            for (int degrees : DEGREES) {
                names.add("texture.gabor_w" + wavelength + "_" + degrees + "deg");
            }
        }
        return names;
    }

    static void compute(Luma luma, double[] out, int offset) {
        double[] centred = centred(luma.values());
        int i = offset;
        for (int wavelength : WAVELENGTHS) {
            for (int degrees : DEGREES) {
                out[i++] = meanMagnitude(luma.width(), luma.height(), centred, wavelength, Math.toRadians(degrees));
            }
        }
    }

    private static double[] centred(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double[] centred = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            centred[i] = values[i] - mean;
        }
        return centred;
    }

    private static double meanMagnitude(int w, int h, double[] v, int wavelength, double theta) {
        double sigma = SIGMA_PER_WAVELENGTH * wavelength;
        int radius = (int) Math.ceil(3 * sigma);
        double k = 2 * Math.PI / wavelength;
        Kernel horizontal = Kernel.of(sigma, radius, k * Math.cos(theta));
        Kernel vertical = Kernel.of(sigma, radius, k * Math.sin(theta));
        double[] re = new double[v.length];
        double[] im = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sr = 0;
                double si = 0;
                for (int t = -radius; t <= radius; t++) {
                    double p = v[y * w + Math.clamp(x + t, 0, w - 1)];
                    sr += p * horizontal.re[t + radius];
                    si += p * horizontal.im[t + radius];
                }
                re[y * w + x] = sr;
                im[y * w + x] = si;
            }
        }
        double total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sr = 0;
                double si = 0;
                for (int t = -radius; t <= radius; t++) {
                    int j = Math.clamp(y + t, 0, h - 1) * w + x;
                    double kr = vertical.re[t + radius];
                    double ki = vertical.im[t + radius];
                    sr += re[j] * kr - im[j] * ki;
                    si += re[j] * ki + im[j] * kr;
                }
                total += Math.sqrt(sr * sr + si * si);
            }
        }
        return total / v.length;
    }

    /** A 1-D complex Gabor kernel {@code g(t)·e^(i·k·t)}, the Gaussian normalised to unit sum. */
    private record Kernel(double[] re, double[] im) {

        static Kernel of(double sigma, int radius, double k) {
            double[] re = new double[2 * radius + 1];
            double[] im = new double[2 * radius + 1];
            double sum = 0;
            for (int t = -radius; t <= radius; t++) {
                sum += Math.exp(-t * t / (2 * sigma * sigma));
            }
            for (int t = -radius; t <= radius; t++) {
                double g = Math.exp(-t * t / (2 * sigma * sigma)) / sum;
                re[t + radius] = g * Math.cos(k * t);
                im[t + radius] = g * Math.sin(k * t);
            }
            return new Kernel(re, im);
        }
    }
}
