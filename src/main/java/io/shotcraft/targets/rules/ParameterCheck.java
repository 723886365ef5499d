package io.shotcraft.targets.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The side parameters a model takes ({@code width}, {@code contrast}…) and what their values may be: checks an
 * answer's parameters and coerces what a model wrote as text into the declared type.
 */
record ParameterCheck(String name, Class<?> type, double min, double max, int step, Set<Object> allowed) {

    static ParameterCheck integer(String name, int min, int max, int step) {
        return new ParameterCheck(name, Integer.class, min, max, step, Set.of());
    }

    static ParameterCheck wholeNumber(String name, long min, long max) {
        return new ParameterCheck(name, Long.class, min, max, 1, Set.of());
    }

    static ParameterCheck number(String name, double min, double max) {
        return new ParameterCheck(name, Double.class, min, max, 0, Set.of());
    }

    static ParameterCheck oneOf(String name, Class<?> type, Set<Object> allowed) {
        return new ParameterCheck(name, type, 0, 0, 0, allowed);
    }

    static ParameterCheck bool(String name) {
        return new ParameterCheck(name, Boolean.class, 0, 0, 0, Set.of(true, false));
    }

    /** The checks by parameter name, in the order given. */
    static Map<String, ParameterCheck> byName(ParameterCheck... checks) {
        var byName = new LinkedHashMap<String, ParameterCheck>();
        for (ParameterCheck check : checks) {
            byName.put(check.name(), check);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Why the value is wrong, or null when right. */
    String problem(Object value) {
        if (!type.isInstance(value)) {
            return name + " must be " + kind() + ", was '" + Snippet.of(String.valueOf(value)) + "'";
        }
        if (!allowed.isEmpty()) {
            return allowed.contains(value) ? null
                    : name + " must be one of " + allowed.stream().map(String::valueOf).sorted().toList() + ", was "
                            + value;
        }
        if (value instanceof Number number) {
            double v = number.doubleValue();
            if (v < min || v > max || (step > 1 && number.longValue() % step != 0)) {
                return name + " must be from " + show(min) + " to " + show(max)
                        + (step > 1 ? " in steps of " + step : "") + ", was " + value;
            }
        }
        return null;
    }

    /** The value in the declared type when a model wrote it as text ("3.5", "true"), else the value unchanged. */
    Object coerce(Object value) {
        if (type.isInstance(value) || value == null) {
            return value;
        }
        String text = String.valueOf(value).strip();
        try {
            if (type == Integer.class) {
                double number = Double.parseDouble(text);
                return number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE ? (Object) (int) number
                        : value;
            }
            if (type == Long.class) {
                return Long.parseLong(text);
            }
            if (type == Double.class) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            return value;
        }
        if (type == Boolean.class && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Boolean.valueOf(text);
        }
        return value;
    }

    /** Adds the problems of every parameter, unknown names included. */
    static void checkAll(Map<String, Object> parameters, Map<String, ParameterCheck> checks, String model,
            List<String> violations) {
        parameters.forEach((name, value) -> {
            ParameterCheck check = checks.get(name);
            if (check == null) {
                violations.add("unknown parameter: " + model + " takes " + String.join(", ", checks.keySet())
                        + ", not '" + Snippet.of(name) + "'");
                return;
            }
            String problem = check.problem(value);
            if (problem != null) {
                violations.add("bad value: " + problem);
            }
        });
    }

    /**
     * The parameters a model answered, coerced to their types; unknown ones dropped with a warning. Values still
     * wrong after coercion stay, for {@link #checkAll} to report.
     */
    static void keepKnown(Map<String, Object> answer, Map<String, ParameterCheck> checks, String model,
            Map<String, Object> into, List<String> warnings) {
        answer.forEach((name, value) -> {
            ParameterCheck check = checks.get(name);
            if (check == null) {
                warnings.add("Dropped the parameter '" + Snippet.of(name) + "', which " + model + " does not take.");
            } else {
                into.put(name, check.coerce(value));
            }
        });
    }

    private String kind() {
        return type == Boolean.class ? "true or false" : type == String.class ? "text" : "a number";
    }

    private static String show(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
