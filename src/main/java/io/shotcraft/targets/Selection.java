package io.shotcraft.targets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import io.shotcraft.platform.Problem;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;

/**
 * The groups a request selected in a category, in selection order, and their models. Given as names
 * ({@code ["sora", "leonardo"]}) or as the design's numbers ({@code "1,3"}, {@code "1 3"}, {@code "1, 3"}, 1-based in
 * the category's order); at least one, no duplicates, every one known, else a 400 that names the valid choices.
 */
public record Selection(TargetCategory category, List<TargetGroup> groups) {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    public List<String> groupNames() {
        return groups.stream().map(TargetGroup::name).toList();
    }

    public List<String> models() {
        var models = new ArrayList<String>();
        groups.forEach(group -> models.addAll(group.models()));
        return models;
    }

    /** Every group of the category, in its order: what the same request would send without a selection. */
    public static Selection all(TargetCategory category) {
        return new Selection(category, category.groups());
    }

    /**
     * The selection a request gives: {@code names} or {@code numbers} (not both); {@code field} prefixes the field
     * names in errors. Null when it gives neither.
     */
    public static Selection parse(TargetCategory category, List<String> names, String numbers, String field) {
        boolean byName = names != null;
        boolean byNumber = numbers != null;
        if (byName && byNumber) {
            throw invalid(field + "groups", "give groups or selection, not both", category);
        }
        if (!byName && !byNumber) {
            return null;
        }
        List<String> tokens = byName ? names : numbers.isBlank() ? List.of() : List.of(SEPARATORS.split(numbers.strip()));
        var errorField = field + (byName ? "groups" : "selection");
        if (tokens.isEmpty()) {
            throw invalid(errorField, "select at least one group", category);
        }
        var chosen = new LinkedHashSet<TargetGroup>();
        for (var token : tokens) {
            var group = byName ? category.group(token == null ? "" : token.strip()) : byNumber(category, token);
            if (group == null) {
                throw invalid(errorField, "'" + shorten(token) + "' is not a group of " + category.name(), category);
            }
            if (!chosen.add(group)) {
                throw invalid(errorField, "'" + shorten(token) + "' is selected twice", category);
            }
        }
        return new Selection(category, List.copyOf(chosen));
    }

    private static TargetGroup byNumber(TargetCategory category, String token) {
        if (!token.matches("\\d{1,3}")) {
            return null;
        }
        int number = Integer.parseInt(token);
        return number >= 1 && number <= category.groups().size() ? category.groups().get(number - 1) : null;
    }

    private static String shorten(String token) {
        if (token == null) {
            return "null";
        }
        return token.length() > 40 ? token.substring(0, 40) + "…" : token;
    }

    static ProblemException invalid(String field, String message, TargetCategory category) {
        return new ProblemException(Problem.of(ProblemType.VALIDATION, message + "; valid choices: " + choices(category))
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    /** "1 sora, 2 phoenix, …": the numbers and names a request may use. */
    static String choices(TargetCategory category) {
        var text = new StringBuilder();
        for (var group : category.groups()) {
            text.append(text.isEmpty() ? "" : ", ").append(group.number()).append(' ').append(group.name());
        }
        return text.toString();
    }
}
