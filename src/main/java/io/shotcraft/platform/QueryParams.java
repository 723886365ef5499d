package io.shotcraft.platform;

import java.util.List;

/** Reads query parameters, answering 400 naming the parameter (JAX-RS answers 404 when one does not convert). */
public final class QueryParams {

    private QueryParams() {
    }

    /** {@code raw} as an integer in [min, max], {@code fallback} when absent. */
    public static int intIn(String name, String raw, int fallback, int min, int max) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name, "must be an integer from " + min + " to " + max);
    }

    public static ProblemException invalid(String name, String message) {
        return new ProblemException(ProblemMappers.invalid(List.of(new Problem.FieldError(name, message))));
    }
}
