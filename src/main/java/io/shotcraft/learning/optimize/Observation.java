package io.shotcraft.learning.optimize;

import java.util.Map;

/**
 * A rated trial: the parameters tried and the rating they got. The optimiser maximises {@code value} (a 1–5 star
 * rating in the design); internally it minimises its negation, as scikit-optimize's {@code tell(x, -rating)} does.
 */
public record Observation(Map<String, Object> point, double value) {

    public Observation {
        if (point == null) {
            throw new IllegalArgumentException("an observation needs a point");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("an observation's value must be finite, got " + value);
        }
        point.forEach((name, v) -> {
            if (v == null) {
                throw new IllegalArgumentException("dimension '" + name + "': the observation has no value for it");
            }
        });
        point = Map.copyOf(point);
    }
}
