package io.shotcraft.tuning.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.shotcraft.parameters.Aspect;
import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.tuning.EditPlan;
import io.shotcraft.tuning.ParameterUpdate;
import io.shotcraft.tuning.ParameterUpdate.Op;

/**
 * The plan of one edit request while it is being read: the updates so far, each with its change description, over a
 * working copy of the parameters so that later instructions see earlier ones. Changes that change nothing are dropped.
 * One draft per request; not shared.
 */
final class OfflineEditDraft {

    private record Step(ParameterUpdate update, String change, String previous) {
    }

    private final Map<String, String> working = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private int highestProp;

    OfflineEditDraft(List<Parameter> current) {
        for (Parameter parameter : current) {
            working.put(parameter.name(), parameter.value() == null ? "" : parameter.value());
            highestProp = Math.max(highestProp, propNumber(parameter.name()));
        }
    }

    /** The parameters as the request has changed them so far. */
    List<Parameter> parameters() {
        return working.entrySet().stream().map(e -> new Parameter(e.getKey(), e.getValue())).toList();
    }

    boolean has(String name) {
        return working.containsKey(name);
    }

    /** Sets an aspect of the shot, or any parameter described by its name: "Changed lighting from A to B". */
    void changeNamed(String name, String value) {
        String label = OfflineEditNames.label(name);
        put(name, value, old -> "Changed " + label + " from " + old + " to " + value, "Set " + label + " to " + value);
    }

    /** Gives the subject a new action: "Changed activity from cooking food to baking a cake". */
    void changeAction(String value) {
        String name = OfflineEditNames.ACTION;
        put(name, value, old -> "Changed activity from " + old + " to " + value, "Set activity to " + value);
    }

    /** Replaces a thing by another: "Replaced copper pans with a wok", or for the subject "Changed subject from…". */
    void replace(String name, String value) {
        if (!OfflineEditNames.isProp(name)) {
            changeNamed(name, value);
            return;
        }
        put(name, value, old -> "Replaced " + old + " with " + value, "Added " + value);
    }

    /** Replaces one part of a composite value ("chops vegetables" in "cooking food, chops vegetables"). */
    void replacePart(String name, String part, String value) {
        String whole = working.get(name);
        if (whole == null) {
            return;
        }
        var parts = new ArrayList<>(Mentions.parts(whole));
        parts.replaceAll(p -> p.equals(part) ? value : p);
        put(name, String.join(", ", parts), old -> "Replaced " + part + " with " + value, "Added " + value);
    }

    /** Sets one attribute of a thing: "Changed robot color from teal to blue". */
    void changeAttribute(String name, OfflineEditAttribute kind, String words) {
        String value = working.get(name);
        if (value == null) {
            return;
        }
        String subject = OfflineEditWords.head(value) + " " + kind.label;
        Optional<OfflineEditAttribute.Found> old = kind.in(value);
        String change = old.map(found -> "Changed " + subject + " from " + found.text() + " to " + words)
                .orElse("Changed " + subject + " to " + words);
        put(name, kind.applyTo(value, words), previous -> change, change);
    }

    /** Adds a prop, unless one with that value is already there: "Added stand mixer". */
    void addProp(String value) {
        boolean present = working.values().stream().anyMatch(v -> sameValue(v, value));
        if (!present) {
            String name = OfflineEditNames.PROP + ++highestProp;
            put(name, value, old -> "Added " + value, "Added " + value);
        }
    }

    void remove(String name) {
        String old = working.remove(name);
        if (old != null) {
            steps.add(new Step(ParameterUpdate.remove(name), "Removed " + old, old));
        }
    }

    /** Removes one part of a composite value; the last part removes the parameter. */
    void removePart(String name, String part) {
        String whole = working.get(name);
        if (whole == null) {
            return;
        }
        var parts = new ArrayList<>(Mentions.parts(whole));
        parts.remove(part);
        if (parts.isEmpty()) {
            remove(name);
            return;
        }
        put(name, String.join(", ", parts), old -> "Removed " + part, "Removed " + part);
    }

    private void put(String name, String value, UnaryOperator<String> changed, String added) {
        String old = working.get(name);
        if (old != null && sameValue(old, value)) {
            return;
        }
        working.put(name, value);
        steps.add(old == null ? new Step(ParameterUpdate.add(name, value), added, null)
                : new Step(ParameterUpdate.set(name, value), changed.apply(old), old));
    }

    private static boolean sameValue(String a, String b) {
        return a.strip().equalsIgnoreCase(b.strip());
    }

    /**
     * The finished plan. A prop removed and a prop added by the same request become one replacement, the new item
     * taking the removed one's place; a new time of day carries over to values that named the old one ("glints of
     * afternoon light" at night becomes "glints of moonlight").
     */
    EditPlan plan() {
        pairReplacements();
        carryChanges();
        carryTimeOfDay();
        if (steps.isEmpty()) {
            return EditPlan.NOTHING;
        }
        return new EditPlan(steps.stream().map(Step::update).toList(), steps.stream().map(Step::change).toList());
    }

    private void pairReplacements() {
        List<Step> removed = steps.stream().filter(s -> s.update.op() == Op.REMOVE && isProp(s)).toList();
        List<Step> added = steps.stream().filter(s -> s.update.op() == Op.ADD && isProp(s)).toList();
        for (int i = 0; i < Math.min(removed.size(), added.size()); i++) {
            Step gone = removed.get(i);
            String value = added.get(i).update.value();
            steps.set(steps.indexOf(gone), new Step(ParameterUpdate.set(gone.update.name(), value),
                    "Replaced " + gone.previous + " with " + value, gone.previous));
            steps.remove(added.get(i));
        }
    }

    private static boolean isProp(Step step) {
        return OfflineEditNames.isProp(step.update.name());
    }

    /**
     * A changed thing carries over to the untouched values that contain it: with the location "sandy beach" changed to
     * "snowy field", the action "runs along a sandy beach" becomes "runs along a snowy field".
     */
    private void carryChanges() {
        for (Step step : List.copyOf(steps)) {
            if (step.update.op() != Op.SET || !OfflineEditNames.isThing(step.update.name())) {
                continue;
            }
            for (var entry : List.copyOf(working.entrySet())) {
                if (touched(entry.getKey())) {
                    continue;
                }
                var spans = Mentions.find(entry.getValue(), step.previous);
                if (!spans.isEmpty()) {
                    var at = spans.getFirst();
                    String value = entry.getValue();
                    String carried = value.substring(0, at.start()) + step.update.value() + value.substring(at.end());
                    changeNamed(entry.getKey(), carried);
                }
            }
        }
    }

    private void carryTimeOfDay() {
        Optional<String> time = steps.stream()
                .filter(s -> s.update.op() != Op.REMOVE && Aspect.TIME_OF_DAY.carriedBy(s.update.name()))
                .map(s -> s.update.value()).reduce((first, second) -> second)
                .flatMap(OfflineEditAspects::timeIn);
        if (time.isEmpty()) {
            return;
        }
        for (var entry : List.copyOf(working.entrySet())) {
            if (!touched(entry.getKey()) && !Aspect.TIME_OF_DAY.carriedBy(entry.getKey())) {
                retimed(entry.getValue(), time.get()).ifPresent(value -> changeNamed(entry.getKey(), value));
            }
        }
    }

    private boolean touched(String name) {
        return steps.stream().anyMatch(s -> s.update.name().equals(name));
    }

    /** A value with its time of day moved to another: "afternoon light" at night is "moonlight". */
    private static Optional<String> retimed(String value, String time) {
        Optional<String> old = OfflineEditAspects.timeIn(value);
        if (old.isEmpty() || old.get().equals(time)) {
            return Optional.empty();
        }
        var tokens = Mentions.tokens(value);
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).word().equals(old.get())) {
                continue;
            }
            boolean light = i + 1 < tokens.size() && List.of("light", "sun", "sunlight", "sunshine")
                    .contains(tokens.get(i + 1).word());
            int end = light ? tokens.get(i + 1).end() : tokens.get(i).end();
            String replacement = light ? lightAt(time) : time;
            return Optional.of(value.substring(0, tokens.get(i).start()) + replacement + value.substring(end));
        }
        return Optional.empty();
    }

    private static String lightAt(String time) {
        return switch (time) {
            case "night", "nighttime", "midnight", "nightfall" -> "moonlight";
            case "noon", "midday", "daytime" -> "sunlight";
            default -> time + " light";
        };
    }

    private static int propNumber(String name) {
        if (!OfflineEditNames.isProp(name)) {
            return 0;
        }
        try {
            return Integer.parseInt(name.substring(OfflineEditNames.PROP.length()).toLowerCase(Locale.ROOT));
        } catch (NumberFormatException notNumbered) {
            return 0;
        }
    }
}
