package io.shotcraft.targets.rules;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the user asked of every selected model: an aspect ratio, a seed, a clip length, and options that only some
 * models read ({@code extra}: {@code stylize}, {@code chaos}, {@code weird}, {@code quality}, {@code raw},
 * {@code contrast}, {@code alchemy}, {@code guidance_scale}, {@code cfg_scale}, {@code steps}, {@code motion},
 * {@code loop}, {@code batch_size}, {@code end_image}, {@code resolution}). A model ignores the extra options it does
 * not read. The values are checked here for their form and by each model's rules for their range; a bad value throws
 * {@link IllegalArgumentException} whose message names the option.
 *
 * @param aspectRatio     {@code W:H} with positive integers, or null
 * @param seed            0 to 4294967295, or null
 * @param durationSeconds 1 to 60, or null
 * @param extra           per-model options by name; never null
 */
public record TargetOptions(String aspectRatio, Long seed, Integer durationSeconds, Map<String, String> extra) {

    static final long MAX_SEED = 4_294_967_295L;
    private static final int MAX_SECONDS = 60;

    public TargetOptions {
        if (aspectRatio != null) {
            AspectRatio.parse(aspectRatio, "aspect_ratio");
        }
        if (seed != null && (seed < 0 || seed > MAX_SEED)) {
            throw new IllegalArgumentException("seed must be between 0 and " + MAX_SEED + ", was " + seed);
        }
        if (durationSeconds != null && (durationSeconds < 1 || durationSeconds > MAX_SECONDS)) {
            throw new IllegalArgumentException(
                    "duration_seconds must be between 1 and " + MAX_SECONDS + ", was " + durationSeconds);
        }
        extra = extra == null || extra.isEmpty() ? Map.of() : copy(extra);
    }

    /** No options: every model uses its defaults. */
    public static TargetOptions none() {
        return new TargetOptions(null, null, null, Map.of());
    }

    /** The parsed aspect ratio, or null when none was asked. */
    AspectRatio ratio() {
        return aspectRatio == null ? null : AspectRatio.parse(aspectRatio, "aspect_ratio");
    }

    private static Map<String, String> copy(Map<String, String> extra) {
        var copy = new TreeMap<String, String>();
        extra.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null || value.isBlank()) {
                throw new IllegalArgumentException("option '" + name + "' needs a value");
            }
            copy.put(name, value.strip());
        });
        return Map.copyOf(copy);
    }
}
