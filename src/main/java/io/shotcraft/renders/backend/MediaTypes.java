package io.shotcraft.renders.backend;

import java.util.Locale;
import java.util.Set;

/**
 * The media types a render may produce, recognised by their bytes (magic numbers) rather than by what a server says,
 * so an error page sent as {@code image/png} is refused. PNG's header also gives its size.
 */
public final class MediaTypes {

    public static final String PNG = "image/png";
    public static final Set<String> ACCEPTED = Set.of(PNG, "image/jpeg", "image/webp", "image/gif", "video/mp4",
            "video/webm", "video/quicktime");

    private MediaTypes() {
    }

    /** The type the bytes are, or null when they are none of {@link #ACCEPTED}. */
    public static String sniff(byte[] b) {
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) {
            return PNG;
        }
        if (starts(b, 0, 0xff, 0xd8, 0xff)) {
            return "image/jpeg";
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (starts(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(b, 4, 'f', 't', 'y', 'p')) {
            return starts(b, 8, 'q', 't', ' ', ' ') ? "video/quicktime" : "video/mp4";
        }
        if (starts(b, 0, 0x1a, 0x45, 0xdf, 0xa3)) {
            return "video/webm";
        }
        return null;
    }

    /**
     * Whether what a server declared fits what the bytes are: the same type, or a declaration that says nothing
     * (absent, {@code application/octet-stream}, {@code binary/octet-stream}).
     */
    public static boolean fits(String declared, String sniffed) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        var base = declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals(sniffed) || base.endsWith("/octet-stream") || base.equals("image/jpg") && sniffed.equals("image/jpeg");
    }

    /** A PNG's width and height from its IHDR chunk, or null. */
    public static int[] pngSize(byte[] b) {
        if (b.length < 24 || !PNG.equals(sniff(b))) {
            return null;
        }
        return new int[] { readInt(b, 16), readInt(b, 20) };
    }

    public static String extension(String type) {
        return switch (type) {
            case PNG -> "png";
            case "image/jpeg" -> "jpg";
            case "image/webp" -> "webp";
            case "image/gif" -> "gif";
            case "video/webm" -> "webm";
            case "video/quicktime" -> "mov";
            default -> "mp4";
        };
    }

    private static boolean starts(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xff) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | b[at + 3] & 0xff;
    }
}
