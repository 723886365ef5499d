package io.shotcraft.targets.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the emphasis syntax of Stable Diffusion front ends (AUTOMATIC1111, ComfyUI): {@code (term)} multiplies
 * attention by 1.1, {@code [term]} divides it by 1.1, {@code (term:1.3)} sets it, {@code \(} is a literal bracket.
 * One pass gives the problems (unbalanced brackets, malformed or out-of-range weights), the plain text the text
 * encoder sees (brackets and weights removed, which is what CLIP tokens are counted on) and the edits that repair
 * what can be repaired. Linear in the text; no regular expression.
 */
final class AttentionSyntax {

    private static final double STEP = 1.1;

    /** An edit of the source: replace {@code [start, end)} with {@code replacement}. */
    record Edit(int start, int end, String replacement) {
    }

    /** What one reading found. */
    record Reading(String plain, List<String> problems, List<Edit> edits) {

        /** The source with every repair applied: weights clamped, stray brackets removed. */
        String repaired(String source) {
            if (edits.isEmpty()) {
                return source;
            }
            var ordered = new ArrayList<>(edits);
            ordered.sort(Comparator.comparingInt(Edit::start));
            var out = new StringBuilder(source.length());
            int at = 0;
            for (Edit edit : ordered) {
                out.append(source, at, edit.start()).append(edit.replacement());
                at = edit.end();
            }
            return out.append(source, at, source.length()).toString();
        }
    }

    private static final class Group {
        final char open;
        final int rawStart;
        final int plainStart;
        final double multiplier;
        int colonRaw = -1;
        int colonPlain = -1;

        Group(char open, int rawStart, int plainStart, double multiplier) {
            this.open = open;
            this.rawStart = rawStart;
            this.plainStart = plainStart;
            this.multiplier = multiplier;
        }
    }

    private AttentionSyntax() {
    }

    /** Reads the text; weights (explicit or from nesting) must lie within [min, max]. */
    static Reading read(String text, double min, double max) {
        var plain = new StringBuilder(text.length());
        var problems = new ArrayList<String>();
        var edits = new ArrayList<Edit>();
        var open = new ArrayDeque<Group>();
        boolean nestingReported = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                plain.append(text.charAt(++i));
            } else if (c == '(' || c == '[') {
                double outer = open.isEmpty() ? 1.0 : open.peek().multiplier;
                open.push(new Group(c, i, plain.length(), outer * (c == '(' ? STEP : 1 / STEP)));
            } else if (c == ')' || c == ']') {
                char expected = c == ')' ? '(' : '[';
                if (open.isEmpty() || open.peek().open != expected) {
                    problems.add("unbalanced brackets: a '" + c + "' closes nothing");
                    edits.add(new Edit(i, i + 1, ""));
                    continue;
                }
                Group group = open.pop();
                double outer = open.isEmpty() ? 1.0 : open.peek().multiplier;
                double effective = closeWeight(text, i, group, plain, outer, min, max, problems, edits);
                if (!nestingReported && (effective > max + 1e-9 || effective < min - 1e-9)) {
                    problems.add("weight out of range: nested emphasis near '" + Snippet.of(text.substring(group.rawStart,
                            i + 1)) + "' comes to " + round(effective) + ", outside " + min + "–" + max);
                    nestingReported = true;
                }
            } else {
                if (c == ':' && !open.isEmpty() && open.peek().open == '(') {
                    open.peek().colonRaw = i;
                    open.peek().colonPlain = plain.length();
                }
                plain.append(c);
            }
        }
        while (!open.isEmpty()) {
            Group group = open.pop();
            problems.add("unbalanced brackets: a '" + group.open + "' is never closed");
            edits.add(new Edit(group.rawStart, group.rawStart + 1, ""));
        }
        return new Reading(plain.toString(), List.copyOf(problems), List.copyOf(edits));
    }

    /** The text without any emphasis syntax: what models that read no weights should get. */
    static String strip(String text) {
        return read(text, 0, Double.MAX_VALUE).plain();
    }

    /** Handles the close of a '(' group with an explicit {@code :weight}; gives the group's effective weight. */
    private static double closeWeight(String text, int close, Group group, StringBuilder plain, double outer,
            double min, double max, List<String> problems, List<Edit> edits) {
        if (group.open != '(' || group.colonRaw < 0) {
            return group.multiplier;
        }
        String number = text.substring(group.colonRaw + 1, close).strip();
        if (number.isEmpty() || !isNumber(number)) {
            problems.add("malformed weight: '" + Snippet.of(text.substring(group.rawStart, close + 1))
                    + "' needs a number after ':'");
            edits.add(new Edit(group.colonRaw, close, ""));
            plain.setLength(group.colonPlain);
            return outer * STEP;
        }
        double weight = Double.parseDouble(number);
        plain.setLength(group.colonPlain);
        if (weight < min || weight > max) {
            problems.add("weight out of range: '" + Snippet.of(text.substring(group.rawStart, close + 1))
                    + "' is outside " + min + "–" + max);
            double clamped = Math.max(min, Math.min(max, weight));
            edits.add(new Edit(group.colonRaw + 1, close, Double.toString(round(clamped))));
            return outer;
        }
        return outer * weight;
    }

    private static boolean isNumber(String text) {
        boolean digit = false;
        boolean dot = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        return digit;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
