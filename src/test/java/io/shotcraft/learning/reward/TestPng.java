package io.shotcraft.learning.reward;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder for the tests: raw samples in, every row filtered with type {@code y % 5} (so one image exercises
 * all five filters), the compressed data split over several IDAT chunks. Also builds the expected RGB pixels of random
 * images of any colour type and bit depth, by the decoder's documented rules (16-bit → high byte, alpha dropped).
 */
final class TestPng {

    private TestPng() {
    }

    /** A random image of the given type and depth: its PNG bytes and the pixels the decoder should give. */
    record Sample(byte[] png, int[] rgb) {
    }

    static Sample random(int width, int height, int colourType, int bitDepth, long seed) {
        var random = new Random(seed);
        int channels = switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            default -> 4;
        };
        int[] palette = new int[colourType == 3 ? 1 << bitDepth : 0];
        Arrays.setAll(palette, i -> random.nextInt(1 << 24));
        int stride = (width * channels * bitDepth + 7) / 8;
        byte[][] rows = new byte[height][stride];
        int[] rgb = new int[width * height];
        int max = (1 << bitDepth) - 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] samples = new int[channels];
                for (int c = 0; c < channels; c++) {
                    samples[c] = random.nextInt(max + 1);
                    put(rows[y], x * channels + c, bitDepth, samples[c]);
                }
                rgb[y * width + x] = expected(colourType, bitDepth, samples, palette);
            }
        }
        return new Sample(encode(width, height, colourType, bitDepth, rows, palette, false), rgb);
    }

    private static int expected(int colourType, int bitDepth, int[] samples, int[] palette) {
        if (colourType == 3) {
            return palette[samples[0]];
        }
        int[] eight = Arrays.stream(samples).map(s -> bitDepth == 16 ? s >> 8 : s * 255 / ((1 << bitDepth) - 1)).toArray();
        if (colourType == 0 || colourType == 4) {
            return eight[0] << 16 | eight[0] << 8 | eight[0];
        }
        return eight[0] << 16 | eight[1] << 8 | eight[2];
    }

    private static void put(byte[] row, int index, int bitDepth, int value) {
        if (bitDepth == 16) {
            row[2 * index] = (byte) (value >> 8);
            row[2 * index + 1] = (byte) value;
        } else if (bitDepth == 8) {
            row[index] = (byte) value;
        } else {
            int bit = index * bitDepth;
            row[bit >> 3] |= (byte) (value << (8 - bitDepth - (bit & 7)));
        }
    }

    /** An 8-bit RGB PNG of the given pixels. */
    static byte[] rgb(int width, int height, int[] pixels) {
        byte[][] rows = new byte[height][width * 3];
        for (int i = 0; i < pixels.length; i++) {
            byte[] row = rows[i / width];
            int x = i % width;
            row[3 * x] = (byte) (pixels[i] >> 16);
            row[3 * x + 1] = (byte) (pixels[i] >> 8);
            row[3 * x + 2] = (byte) pixels[i];
        }
        return encode(width, height, 2, 8, rows, new int[0], false);
    }

    static byte[] encode(int width, int height, int colourType, int bitDepth, byte[][] rows, int[] palette, boolean interlaced) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(Png.SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = (byte) bitDepth;
        header[9] = (byte) colourType;
        header[12] = (byte) (interlaced ? 1 : 0);
        chunk(out, "IHDR", header);
        chunk(out, "tEXt", "Software\0shotcraft test".getBytes(StandardCharsets.ISO_8859_1));
        if (palette.length > 0) {
            byte[] plte = new byte[palette.length * 3];
            for (int i = 0; i < palette.length; i++) {
                plte[3 * i] = (byte) (palette[i] >> 16);
                plte[3 * i + 1] = (byte) (palette[i] >> 8);
                plte[3 * i + 2] = (byte) palette[i];
            }
            chunk(out, "PLTE", plte);
        }
        int channels = switch (colourType) {
            case 0, 3 -> 1;
            case 4 -> 2;
            case 2 -> 3;
            default -> 4;
        };
        byte[] data = deflate(filtered(rows, Math.max(1, channels * bitDepth / 8)));
        int piece = Math.max(1, data.length / 3);
        for (int at = 0; at < data.length; at += piece) {
            chunk(out, "IDAT", Arrays.copyOfRange(data, at, Math.min(data.length, at + piece)));
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] filtered(byte[][] rows, int step) {
        var out = new ByteArrayOutputStream();
        byte[] previous = new byte[rows.length == 0 ? 0 : rows[0].length];
        for (int y = 0; y < rows.length; y++) {
            int type = y % 5;
            out.write(type);
            byte[] row = rows[y];
            for (int i = 0; i < row.length; i++) {
                int a = i >= step ? row[i - step] & 0xff : 0;
                int b = previous[i] & 0xff;
                int c = i >= step ? previous[i - step] & 0xff : 0;
                int predictor = switch (type) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    default -> paeth(a, b, c);
                };
                out.write((row[i] - predictor) & 0xff);
            }
            previous = row;
        }
        return out.toByteArray();
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] deflate(byte[] data) {
        var deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.writeBytes(sum);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }
}
