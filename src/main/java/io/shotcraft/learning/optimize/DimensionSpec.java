package io.shotcraft.learning.optimize;

import java.util.List;
import java.util.Locale;

/**
 * A dimension declared as data, so the feature can store a parameter space as JSON (a list of these) and rebuild it:
 * {@code {"name": "guidance_scale", "type": "real", "low": 5, "high": 12}}, {@code type} "integer" with integral bounds,
 * or {@code {"name": "api", "type": "categorical", "categories": ["leonardo", "stablediffusion"]}}. Unused fields are
 * null.
 */
public record DimensionSpec(String name, String type, Double low, Double high, List<String> categories) {

    public static DimensionSpec real(String name, double low, double high) {
        return new DimensionSpec(name, "real", low, high, null);
    }

    public static DimensionSpec integer(String name, int low, int high) {
        return new DimensionSpec(name, "integer", (double) low, (double) high, null);
    }

    public static DimensionSpec categorical(String name, List<String> categories) {
        return new DimensionSpec(name, "categorical", null, null, categories);
    }

    static DimensionSpec of(Dimension dimension) {
        return switch (dimension) {
            case Dimension.Real r -> real(r.name(), r.low(), r.high());
            case Dimension.IntegerDim i -> integer(i.name(), i.low(), i.high());
            case Dimension.Categorical c -> categorical(c.name(), c.categories());
        };
    }

    /** The dimension this declares; refuses an unknown type or missing bounds, naming the dimension. */
    public Dimension toDimension() {
        String kind = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "real" -> new Dimension.Real(name, bound(low, "low"), bound(high, "high"));
            case "integer" -> new Dimension.IntegerDim(name, integral(bound(low, "low"), "low"),
                    integral(bound(high, "high"), "high"));
            case "categorical" -> {
                if (categories == null) {
                    throw new IllegalArgumentException("dimension '" + name + "': a categorical needs categories");
                }
                yield new Dimension.Categorical(name, categories);
            }
            default -> throw new IllegalArgumentException("dimension '" + name + "': unknown type '" + type
                    + "', expected real, integer or categorical");
        };
    }

    private double bound(Double value, String which) {
        if (value == null) {
            throw new IllegalArgumentException("dimension '" + name + "': " + type + " needs '" + which + "'");
        }
        return value;
    }

    private int integral(double value, String which) {
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("dimension '" + name + "': '" + which + "' must be an integer, got "
                    + value);
        }
        return (int) value;
    }
}
