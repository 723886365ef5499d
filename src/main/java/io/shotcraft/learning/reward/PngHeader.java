package io.shotcraft.learning.reward;

/**
 * A PNG's IHDR, checked: the colour types and bit depths of the PNG specification, no interlace, at most
 * {@link ImageDecoder#MAX_PIXELS} pixels.
 */
record PngHeader(int width, int height, int bitDepth, int colourType) {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;
    /** Longest side read: keeps a row buffer under 512 KB even for a 1-pixel-high strip within the pixel bound. */
    static final long MAX_SIDE = 65_535;

    static PngHeader read(byte[] data) {
        if (data.length != 13) {
            throw new UnreadableImageException("PNG header of " + data.length + " bytes, expected 13");
        }
        long width = Integer.toUnsignedLong(Png.intAt(data, 0));
        long height = Integer.toUnsignedLong(Png.intAt(data, 4));
        int bitDepth = data[8] & 0xff;
        int colourType = data[9] & 0xff;
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new UnreadableImageException("PNG of " + width + "×" + height + " pixels, each side must be 1 to "
                    + MAX_SIDE);
        }
        if (width * height > ImageDecoder.MAX_PIXELS) {
            throw new UnreadableImageException("PNG of " + width + "×" + height + " pixels, more than the "
                    + ImageDecoder.MAX_PIXELS / 1_000_000 + " megapixels read");
        }
        if (data[10] != 0 || data[11] != 0) {
            throw new UnreadableImageException("PNG with compression method " + data[10] + " / filter method " + data[11]);
        }
        if (data[12] != 0) {
            throw new UnreadableImageException("interlaced PNGs (Adam7) are not read; re-encode without interlace");
        }
        var header = new PngHeader((int) width, (int) height, bitDepth, colourType);
        header.checkDepth();
        return header;
    }

    private void checkDepth() {
        boolean valid = switch (colourType) {
            case GREY -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case PALETTE -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case RGB, GREY_ALPHA, RGBA -> bitDepth == 8 || bitDepth == 16;
            default -> throw new UnreadableImageException("PNG colour type " + colourType + " does not exist");
        };
        if (!valid) {
            throw new UnreadableImageException("PNG colour type " + colourType + " with bit depth " + bitDepth);
        }
    }

    int channels() {
        return switch (colourType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
    }

    /** Bytes of one row without its filter byte. */
    int stride() {
        return (int) (((long) width * channels() * bitDepth + 7) / 8);
    }

    /** The filters' "bytes per complete pixel", at least one. */
    int filterStep() {
        return Math.max(1, channels() * bitDepth / 8);
    }
}
