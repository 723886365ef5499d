package io.shotcraft.learning.optimize;

import java.util.List;

/**
 * One named axis of a {@link ParameterSpace}, and how it maps to the unit cube the Gaussian process works in. The
 * encoding is scikit-optimize's for a GP (the design's anchor): reals and integers scaled to [0, 1], a categorical
 * one-hot with one column per category, or a single 0/1 column when it has two.
 */
public sealed interface Dimension permits Dimension.Real, Dimension.IntegerDim, Dimension.Categorical {

    String name();

    /** How many columns of the encoded vector this dimension takes. */
    int width();

    /** Writes the value's encoding at {@code offset}; refuses a value outside the dimension, naming it. */
    void encode(Object value, double[] into, int offset);

    /** The value nearest to the encoded columns at {@code offset} (integers rounded, categoricals by the largest column). */
    Object decode(double[] from, int offset);

    /**
     * The value at quantile {@code u} in [0, 1) of a uniform draw over this dimension: what random and Latin-hypercube
     * points are made of, so each category and each integer is equally likely.
     */
    Object atQuantile(double u);

    /** A continuous range [low, high]. */
    record Real(String name, double low, double high) implements Dimension {
        public Real {
            requireName(name);
            if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
                throw new IllegalArgumentException("dimension '" + name + "': needs finite low < high, got [" + low + ", "
                        + high + "]");
            }
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encode(Object value, double[] into, int offset) {
            double v = number(name, value);
            double slack = 1e-9 * (high - low);
            if (v < low - slack || v > high + slack) {
                throw new IllegalArgumentException("dimension '" + name + "': " + v + " is outside [" + low + ", " + high
                        + "]");
            }
            into[offset] = clamp((v - low) / (high - low));
        }

        @Override
        public Double decode(double[] from, int offset) {
            return low + clamp(from[offset]) * (high - low);
        }

        @Override
        public Double atQuantile(double u) {
            return low + clamp(u) * (high - low);
        }
    }

    /** The integers from low to high inclusive; encoded like a real (as skopt's normalised Integer) and rounded back. */
    record IntegerDim(String name, int low, int high) implements Dimension {
        public IntegerDim {
            requireName(name);
            if (low >= high) {
                throw new IllegalArgumentException("dimension '" + name + "': needs low < high, got [" + low + ", " + high
                        + "]");
            }
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encode(Object value, double[] into, int offset) {
            double v = number(name, value);
            if (v != Math.rint(v)) {
                throw new IllegalArgumentException("dimension '" + name + "': " + v + " is not an integer");
            }
            if (v < low || v > high) {
                throw new IllegalArgumentException("dimension '" + name + "': " + (long) v + " is outside [" + low + ", "
                        + high + "]");
            }
            into[offset] = (v - low) / (double) (high - low);
        }

        @Override
        public Integer decode(double[] from, int offset) {
            return (int) Math.round(low + clamp(from[offset]) * (high - low));
        }

        @Override
        public Integer atQuantile(double u) {
            return Math.min(high, low + (int) Math.floor(clamp(u) * ((long) high - low + 1)));
        }
    }

    /** A choice among named categories (at least two, distinct). */
    record Categorical(String name, List<String> categories) implements Dimension {
        public Categorical {
            requireName(name);
            categories = List.copyOf(categories);
            if (categories.size() < 2 || categories.stream().distinct().count() != categories.size()) {
                throw new IllegalArgumentException("dimension '" + name + "': needs at least two distinct categories, got "
                        + categories);
            }
        }

        @Override
        public int width() {
            return categories.size() == 2 ? 1 : categories.size();
        }

        @Override
        public void encode(Object value, double[] into, int offset) {
            int index = value instanceof String s ? categories.indexOf(s) : -1;
            if (index < 0) {
                throw new IllegalArgumentException("dimension '" + name + "': unknown category " + quoted(value)
                        + ", expected one of " + categories);
            }
            if (width() == 1) {
                into[offset] = index;
                return;
            }
            for (int i = 0; i < categories.size(); i++) {
                into[offset + i] = i == index ? 1.0 : 0.0;
            }
        }

        @Override
        public String decode(double[] from, int offset) {
            if (width() == 1) {
                return categories.get(from[offset] >= 0.5 ? 1 : 0);
            }
            int best = 0;
            for (int i = 1; i < categories.size(); i++) {
                if (from[offset + i] > from[offset + best]) {
                    best = i;
                }
            }
            return categories.get(best);
        }

        @Override
        public String atQuantile(double u) {
            return categories.get(Math.min(categories.size() - 1, (int) Math.floor(clamp(u) * categories.size())));
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dimension needs a name");
        }
    }

    private static double number(String name, Object value) {
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("dimension '" + name + "': expected a finite number, got " + quoted(value));
        }
        return n.doubleValue();
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static double clamp(double u) {
        return Math.max(0.0, Math.min(1.0, u));
    }
}
