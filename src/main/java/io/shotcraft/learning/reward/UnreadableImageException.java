package io.shotcraft.learning.reward;

/**
 * A PNG that {@link ImageDecoder} refuses: malformed, truncated, too large, or a variant it does not read (interlaced,
 * an unknown colour type or bit depth). Other formats are not refused but skipped, see {@link ImageDecoder}.
 */
public final class UnreadableImageException extends IllegalArgumentException {

    public UnreadableImageException(String message) {
        super(message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
