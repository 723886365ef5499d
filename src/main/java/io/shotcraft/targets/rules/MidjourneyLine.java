package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Midjourney prompt line read into its text and its parameters ({@code --name value}), by whitespace tokens in one
 * pass. Text found after a parameter's value (text that should have come first) is kept apart as {@code stray}.
 * An em dash before a name ({@code —ar}, what some keyboards make of "--") counts as a parameter too.
 *
 * @param text  the words before the first parameter
 * @param flags the parameters in the order written
 * @param stray words found after parameters, in order
 */
record MidjourneyLine(String text, List<Flag> flags, String stray) {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** How many values a parameter takes. */
    enum Arity {
        NONE, ONE, LIST
    }

    /** A parameter's documented form: its canonical name, how many values, what they may be. */
    record Spec(String name, Arity arity, FlagValue value) {
    }

    /**
     * One parameter as written.
     *
     * @param written the name as written, without dashes, in lower case
     * @param spec    the documented form, null for a parameter the model does not know
     * @param value   the value as written, "" when none
     */
    record Flag(String written, Spec spec, String value) {

        String render() {
            String name = spec == null ? written : spec.name();
            return value.isEmpty() ? "--" + name : "--" + name + " " + value;
        }
    }

    /**
     * Reads a line.
     *
     * @param specs the parameters the model knows, by every name they may be written with
     */
    static MidjourneyLine read(String line, Map<String, Spec> specs) {
        String[] tokens = SPACES.split(line.strip());
        var text = new StringBuilder();
        int i = 0;
        while (i < tokens.length && !isFlag(tokens[i])) {
            append(text, tokens[i++]);
        }
        var flags = new ArrayList<Flag>();
        var stray = new StringBuilder();
        while (i < tokens.length) {
            String written = name(tokens[i++]);
            Spec spec = specs.get(written);
            Arity arity = spec == null ? Arity.ONE : spec.arity();
            var value = new StringBuilder();
            if (arity == Arity.ONE && i < tokens.length && !isFlag(tokens[i])) {
                value.append(tokens[i++]);
            } else if (arity == Arity.LIST) {
                while (i < tokens.length && !isFlag(tokens[i])) {
                    append(value, tokens[i++]);
                }
            }
            flags.add(new Flag(written, spec, value.toString()));
            while (i < tokens.length && !isFlag(tokens[i])) {
                append(stray, tokens[i++]);
            }
        }
        return new MidjourneyLine(text.toString(), List.copyOf(flags), stray.toString());
    }

    static boolean isFlag(String token) {
        int dashes = token.startsWith("--") ? 2 : token.startsWith("—") ? 1 : 0;
        return dashes > 0 && token.length() > dashes && Character.isLetter(token.charAt(dashes));
    }

    private static String name(String token) {
        return token.substring(token.startsWith("--") ? 2 : 1).toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder out, String token) {
        if (token.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(token);
    }
}
