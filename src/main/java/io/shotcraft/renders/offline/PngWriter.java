package io.shotcraft.renders.offline;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes an RGB image as a PNG (8-bit truecolour, no interlace) with the JDK's zlib and CRC32 only: java.awt and
 * ImageIO are not available in the native image's minimal container. Rows use the "Up" filter, which turns the
 * previews' vertical gradients and flat areas into runs of zeros. The same pixels and texts always give the same bytes.
 */
final class PngWriter {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final int FILTER_UP = 2;

    private PngWriter() {
    }

    /**
     * @param rgb    pixels row by row, 0xRRGGBB
     * @param texts  keyword/text pairs written as tEXt chunks (Latin-1 keywords and texts)
     */
    static byte[] encode(int width, int height, int[] rgb, String... texts) {
        var out = new ByteArrayOutputStream(width * height / 4 + 1024);
        out.writeBytes(SIGNATURE);
        var header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour
        chunk(out, "IHDR", header);
        for (int i = 0; i + 1 < texts.length; i += 2) {
            chunk(out, "tEXt", (texts[i] + '\0' + texts[i + 1]).getBytes(StandardCharsets.ISO_8859_1));
        }
        chunk(out, "IDAT", deflate(scanlines(width, height, rgb)));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] scanlines(int width, int height, int[] rgb) {
        int stride = width * 3;
        var raw = new byte[height * (stride + 1)];
        for (int y = 0; y < height; y++) {
            int row = y * (stride + 1);
            raw[row] = FILTER_UP;
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                int above = y == 0 ? 0 : rgb[(y - 1) * width + x];
                int at = row + 1 + x * 3;
                raw[at] = (byte) ((p >> 16) - (above >> 16));
                raw[at + 1] = (byte) ((p >> 8) - (above >> 8));
                raw[at + 2] = (byte) (p - above);
            }
        }
        return raw;
    }

    private static byte[] deflate(byte[] data) {
        var deflater = new Deflater(6);
        try {
            deflater.setInput(data);
            deflater.finish();
            var out = new ByteArrayOutputStream(data.length / 8 + 64);
            var buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var length = new byte[4];
        putInt(length, 0, data.length);
        out.writeBytes(length);
        var typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        var sum = new byte[4];
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
