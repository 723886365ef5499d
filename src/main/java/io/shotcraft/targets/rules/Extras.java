package io.shotcraft.targets.rules;

import java.util.Locale;
import java.util.Set;

/** Reads a model's own options from {@link TargetOptions#extra()}, checking their range with a readable message. */
final class Extras {

    private Extras() {
    }

    /** The option as an integer within [min, max], or null when absent. */
    static Integer integer(TargetOptions options, String name, int min, int max) {
        String text = options.extra().get(name);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new IllegalArgumentException(
                name + " must be a whole number from " + min + " to " + max + ", was '" + Snippet.of(text) + "'");
    }

    /** The option as a number among {@code allowed}, or null when absent. */
    static Double number(TargetOptions options, String name, Set<Double> allowed, String allowedText) {
        String text = options.extra().get(name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (allowed.contains(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed values
        }
        throw new IllegalArgumentException(name + " must be one of " + allowedText + ", was '" + Snippet.of(text) + "'");
    }

    /** The option as one of {@code allowed} (lower case), or null when absent. */
    static String choice(TargetOptions options, String name, Set<String> allowed) {
        String text = options.extra().get(name);
        if (text == null) {
            return null;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (allowed.contains(value)) {
            return value;
        }
        throw new IllegalArgumentException(
                name + " must be one of " + String.join(", ", allowed.stream().sorted().toList()) + ", was '"
                        + Snippet.of(text) + "'");
    }

    /** The option as true or false, or null when absent. */
    static Boolean bool(TargetOptions options, String name) {
        String value = choice(options, name, Set.of("true", "false"));
        return value == null ? null : Boolean.valueOf(value);
    }
}
