package io.shotcraft.targets.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * What the value of one Midjourney parameter may be. {@link #problem} says why a value is wrong (null when right);
 * {@link #repair} gives the nearest right value, or null when the parameter should be dropped.
 */
sealed interface FlagValue {

    String problem(String value);

    String repair(String value);

    /** No value: {@code --raw}, {@code --tile}. */
    record None() implements FlagValue {
        @Override
        public String problem(String value) {
            return value.isEmpty() ? null : "takes no value";
        }

        @Override
        public String repair(String value) {
            return "";
        }
    }

    /** A number from min to max; whole unless {@code decimals}. Out-of-range numbers are clamped. */
    record Range(double min, double max, boolean decimals) implements FlagValue {
        @Override
        public String problem(String value) {
            Double number = parse(value);
            if (number == null) {
                return "must be a " + (decimals ? "number" : "whole number") + " from " + show(min) + " to "
                        + show(max);
            }
            return number < min || number > max ? "must be from " + show(min) + " to " + show(max) : null;
        }

        @Override
        public String repair(String value) {
            Double number = parse(value);
            if (number == null) {
                return null;
            }
            double clamped = Math.max(min, Math.min(max, number));
            return decimals ? show(clamped) : Long.toString(Math.round(clamped));
        }

        private Double parse(String value) {
            if (value.isEmpty() || value.length() > 12) {
                return null;
            }
            try {
                var number = new BigDecimal(value);
                if (!decimals && number.stripTrailingZeros().scale() > 0) {
                    return null;
                }
                return number.doubleValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String show(double number) {
            return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
        }
    }

    /** One of a few words or numbers, compared ignoring case; anything else is dropped. */
    record Choice(Set<String> allowed) implements FlagValue {
        @Override
        public String problem(String value) {
            return allowed.contains(value.toLowerCase(Locale.ROOT)) ? null
                    : "must be one of " + String.join(", ", allowed.stream().sorted().toList());
        }

        @Override
        public String repair(String value) {
            return problem(value) == null ? value.toLowerCase(Locale.ROOT) : null;
        }
    }

    /** {@code W:H} in whole numbers; decimals are scaled up and reduced ({@code 16.5:9} becomes {@code 11:6}). */
    record Ratio() implements FlagValue {
        @Override
        public String problem(String value) {
            return AspectRatio.parseOrNull(value) == null ? "must be W:H with whole numbers (e.g. 16:9)" : null;
        }

        @Override
        public String repair(String value) {
            if (AspectRatio.parseOrNull(value) != null) {
                return value;
            }
            int colon = value.indexOf(':');
            if (colon < 1) {
                return null;
            }
            try {
                var width = new BigDecimal(value.substring(0, colon));
                var height = new BigDecimal(value.substring(colon + 1));
                int scale = Math.max(width.scale(), height.scale());
                if (width.signum() <= 0 || height.signum() <= 0 || scale > 3) {
                    return null;
                }
                long w = width.movePointRight(scale).longValueExact();
                long h = height.movePointRight(scale).longValueExact();
                long gcd = gcd(w, h);
                var reduced = (w / gcd) + ":" + (h / gcd);
                return AspectRatio.parseOrNull(reduced) == null ? null : reduced;
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    /** An http(s) URL: {@code --end} takes the last frame's image. */
    record Url() implements FlagValue {
        @Override
        public String problem(String value) {
            return value.startsWith("https://") || value.startsWith("http://") ? null : "must be an image URL";
        }

        @Override
        public String repair(String value) {
            return problem(value) == null ? value : null;
        }
    }

    /** Any non-empty text: {@code --no}'s list, style reference codes. */
    record Text() implements FlagValue {
        @Override
        public String problem(String value) {
            return value.isBlank() ? "needs a value" : null;
        }

        @Override
        public String repair(String value) {
            return value.isBlank() ? null : value;
        }
    }
}
