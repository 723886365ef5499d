package io.shotcraft.learning.reward;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A PNG's rows one at a time: inflated only as far as the next row, unfiltered (None, Sub, Up, Average, Paeth) against
 * the previous row and turned into {@code 0xRRGGBB} pixels. Only two rows are held, so memory does not grow with the
 * image; the inflater never produces more than the header's rows, so a compression bomb costs nothing.
 *
 * <p>16-bit samples keep their high byte; 1-, 2- and 4-bit greys are scaled to 0–255; alpha is dropped.
 */
final class PngRows implements AutoCloseable {

    private final PngHeader header;
    private final int[] palette;
    private final Inflater inflater = new Inflater();
    private byte[] row;
    private byte[] previous;
    private int rowsRead;

    PngRows(Png png) {
        this.header = png.header();
        this.palette = header.colourType() == PngHeader.PALETTE ? palette(png.palette()) : null;
        this.row = new byte[header.stride() + 1];
        this.previous = new byte[header.stride() + 1];
        inflater.setInput(png.data());
    }

    /** Reads the next row into {@code pixels} (at least the image's width). */
    void next(int[] pixels) {
        if (rowsRead == header.height()) {
            throw new IllegalStateException("all " + rowsRead + " rows were read");
        }
        var swap = previous;
        previous = row;
        row = swap;
        inflateRow();
        unfilter();
        toRgb(pixels);
        rowsRead++;
    }

    @Override
    public void close() {
        inflater.end();
    }

    private static int[] palette(byte[] plte) {
        if (plte == null || plte.length == 0 || plte.length % 3 != 0 || plte.length > 256 * 3) {
            throw new UnreadableImageException("palette PNG without a valid PLTE chunk");
        }
        int[] colours = new int[plte.length / 3];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = (plte[3 * i] & 0xff) << 16 | (plte[3 * i + 1] & 0xff) << 8 | plte[3 * i + 2] & 0xff;
        }
        return colours;
    }

    private void inflateRow() {
        try {
            int filled = 0;
            while (filled < row.length) {
                int n = inflater.inflate(row, filled, row.length - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new UnreadableImageException("PNG image data ends at row " + rowsRead + " of " + header.height());
                }
                filled += n;
            }
        } catch (DataFormatException e) {
            throw new UnreadableImageException("PNG image data is not valid zlib: " + e.getMessage(), e);
        }
    }

    /** Undoes the row's filter in place; byte 0 is the filter type, {@code previous} is already unfiltered. */
    private void unfilter() {
        int step = header.filterStep();
        int filter = row[0];
        for (int i = 1; i < row.length; i++) {
            int left = i > step ? row[i - step] & 0xff : 0;
            int up = previous[i] & 0xff;
            int upLeft = i > step ? previous[i - step] & 0xff : 0;
            int predictor = switch (filter) {
                case 0 -> 0;
                case 1 -> left;
                case 2 -> up;
                case 3 -> (left + up) >>> 1;
                case 4 -> paeth(left, up, upLeft);
                default -> throw new UnreadableImageException("PNG row " + rowsRead + " has unknown filter type " + filter);
            };
            row[i] = (byte) (row[i] + predictor);
        }
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    private void toRgb(int[] pixels) {
        int width = header.width();
        int bytes = header.bitDepth() / 8;
        for (int x = 0; x < width; x++) {
            pixels[x] = switch (header.colourType()) {
                case PngHeader.GREY -> grey(header.bitDepth() < 8 ? scaledSample(x) : sample(x, 0, 1, bytes));
                case PngHeader.PALETTE -> colour(header.bitDepth() < 8 ? packedSample(x) : sample(x, 0, 1, bytes));
                case PngHeader.GREY_ALPHA -> grey(sample(x, 0, 2, bytes));
                case PngHeader.RGB -> rgb(x, 3, bytes);
                default -> rgb(x, 4, bytes);
            };
        }
    }

    /** Channel {@code channel} of pixel {@code x}; for 16 bits, its high byte. */
    private int sample(int x, int channel, int channels, int bytes) {
        return row[1 + (x * channels + channel) * bytes] & 0xff;
    }

    private int rgb(int x, int channels, int bytes) {
        return sample(x, 0, channels, bytes) << 16 | sample(x, 1, channels, bytes) << 8 | sample(x, 2, channels, bytes);
    }

    private int packedSample(int x) {
        int depth = header.bitDepth();
        int bit = x * depth;
        int shift = 8 - depth - (bit & 7);
        return (row[1 + (bit >>> 3)] >>> shift) & ((1 << depth) - 1);
    }

    private int scaledSample(int x) {
        return packedSample(x) * 255 / ((1 << header.bitDepth()) - 1);
    }

    private static int grey(int v) {
        return v << 16 | v << 8 | v;
    }

    private int colour(int index) {
        if (index >= palette.length) {
            throw new UnreadableImageException("PNG pixel uses colour " + index + " of a " + palette.length + "-colour palette");
        }
        return palette[index];
    }
}
