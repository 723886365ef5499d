package io.shotcraft.learning.reward;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * A PNG's chunks as the decoder needs them: the header, the palette and the image data (every IDAT concatenated).
 * Chunk CRCs are checked, so a damaged file is refused rather than read as noise; ancillary chunks are skipped.
 */
record Png(PngHeader header, byte[] palette, byte[] data) {

    static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    static boolean hasSignature(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    static Png read(byte[] bytes) {
        PngHeader header = null;
        byte[] palette = null;
        var data = new ByteArrayOutputStream();
        int at = SIGNATURE.length;
        while (true) {
            if (at + 12 > bytes.length) {
                throw new UnreadableImageException("PNG ends before its IEND chunk");
            }
            long length = Integer.toUnsignedLong(intAt(bytes, at));
            if (length > bytes.length - at - 12L) {
                throw new UnreadableImageException("PNG chunk of " + length + " bytes runs past the end of the file");
            }
            String type = new String(bytes, at + 4, 4, StandardCharsets.US_ASCII);
            int start = at + 8;
            int end = start + (int) length;
            checkCrc(bytes, at + 4, end, type);
            if (header == null && !type.equals("IHDR")) {
                throw new UnreadableImageException("PNG does not start with IHDR but " + type);
            }
            switch (type) {
                case "IHDR" -> header = PngHeader.read(Arrays.copyOfRange(bytes, start, end));
                case "PLTE" -> palette = Arrays.copyOfRange(bytes, start, end);
                case "IDAT" -> data.write(bytes, start, (int) length);
                case "IEND" -> {
                    return new Png(header, palette, data.toByteArray());
                }
                default -> checkSkippable(type);
            }
            at = end + 4;
        }
    }

    private static void checkCrc(byte[] bytes, int from, int to, String type) {
        var crc = new CRC32();
        crc.update(bytes, from, to - from);
        if ((int) crc.getValue() != intAt(bytes, to)) {
            throw new UnreadableImageException("PNG chunk " + type + " fails its CRC check");
        }
    }

    /** An unknown critical chunk (upper-case first letter) changes how the image reads, so it cannot be skipped. */
    private static void checkSkippable(String type) {
        if (Character.isUpperCase(type.charAt(0))) {
            throw new UnreadableImageException("PNG with unknown critical chunk " + type);
        }
    }

    static int intAt(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
    }
}
