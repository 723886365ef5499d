package io.shotcraft.learning.optimize;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The parameters a learning session tunes, in a fixed order, and their encoding as a point of the unit cube (see
 * {@link Dimension}). Points outside the space are refused with an {@link IllegalArgumentException} naming the
 * dimension, so a stored observation that no longer fits a changed space fails loudly instead of skewing the model.
 */
public record ParameterSpace(List<Dimension> dimensions) {

    public ParameterSpace {
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("a parameter space needs at least one dimension");
        }
        var names = new HashSet<String>();
        for (Dimension d : dimensions) {
            if (!names.add(d.name())) {
                throw new IllegalArgumentException("dimension '" + d.name() + "' is declared twice");
            }
        }
    }

    public static ParameterSpace of(Dimension... dimensions) {
        return new ParameterSpace(List.of(dimensions));
    }

    /**
     * The design's Phase 1 space: which image API, and its init strength, guidance scale and ControlNet weight.
     */
    public static ParameterSpace preset() {
        return of(
                new Dimension.Categorical("api", List.of("leonardo", "stablediffusion")),
                new Dimension.Real("init_strength", 0.1, 0.5),
                new Dimension.Real("guidance_scale", 5.0, 12.0),
                new Dimension.Real("controlnet_weight", 0.7, 0.99));
    }

    public static ParameterSpace fromSpecs(List<DimensionSpec> specs) {
        return new ParameterSpace(specs.stream().map(DimensionSpec::toDimension).toList());
    }

    public List<DimensionSpec> toSpecs() {
        return dimensions.stream().map(DimensionSpec::of).toList();
    }

    /** Length of an encoded point. */
    public int encodedSize() {
        return dimensions.stream().mapToInt(Dimension::width).sum();
    }

    /** The point's unit-cube encoding; every dimension must be present and no other key. */
    public double[] encode(Map<String, ?> point) {
        if (point == null) {
            throw new IllegalArgumentException("a point is required");
        }
        double[] x = new double[encodedSize()];
        int offset = 0;
        for (Dimension d : dimensions) {
            if (!point.containsKey(d.name())) {
                throw new IllegalArgumentException("dimension '" + d.name() + "' is missing from the point " + point);
            }
            d.encode(point.get(d.name()), x, offset);
            offset += d.width();
        }
        if (point.size() != dimensions.size()) {
            var unknown = new HashSet<>(point.keySet());
            dimensions.forEach(d -> unknown.remove(d.name()));
            throw new IllegalArgumentException("unknown parameter(s) " + unknown + ", the space has "
                    + dimensions.stream().map(Dimension::name).toList());
        }
        return x;
    }

    /** The point nearest to an encoded vector, in dimension order: Double, Integer or String values. */
    public Map<String, Object> decode(double[] x) {
        if (x.length != encodedSize()) {
            throw new IllegalArgumentException("expected " + encodedSize() + " encoded values, got " + x.length);
        }
        var point = new LinkedHashMap<String, Object>();
        int offset = 0;
        for (Dimension d : dimensions) {
            point.put(d.name(), d.decode(x, offset));
            offset += d.width();
        }
        return point;
    }

    /** The encoding of the nearest valid point: integers rounded and categoricals made one-hot. */
    public double[] snap(double[] x) {
        return encode(decode(x));
    }

    /** The point at per-dimension quantiles {@code u} (one per dimension, not per encoded column). */
    public Map<String, Object> atQuantiles(double[] u) {
        var point = new LinkedHashMap<String, Object>();
        for (int i = 0; i < dimensions.size(); i++) {
            point.put(dimensions.get(i).name(), dimensions.get(i).atQuantile(u[i]));
        }
        return point;
    }

    /** A uniformly random point, encoded. */
    public double[] sampleEncoded(Random random) {
        double[] x = new double[encodedSize()];
        int offset = 0;
        for (Dimension d : dimensions) {
            d.encode(d.atQuantile(random.nextDouble()), x, offset);
            offset += d.width();
        }
        return x;
    }
}
