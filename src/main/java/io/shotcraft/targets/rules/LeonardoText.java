package io.shotcraft.targets.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Leonardo's models (Phoenix, Anime XL, Motion 2.0) share: plain descriptive text, within the character limit,
 * with no Midjourney flags, no {@code ::} multi-prompts, no emphasis weights and no JSON (camera moves are named in
 * words; the settings are parameters, not syntax in the text).
 */
final class LeonardoText {

    /** A {@code "key": "value"} pair inside a JSON object; bounded lengths keep it linear. */
    private static final Pattern PAIR = Pattern.compile("\"[^\"]{1,60}\"\\s*:\\s*\"([^\"]{0,160})\"");

    /** An explicit weight {@code (term:1.2)} or doubled emphasis {@code ((term}; plain parentheses are prose. */
    private static final Pattern WEIGHT = Pattern.compile("\\([^()]{1,200}:\\s?\\d+(?:\\.\\d+)?\\)|\\(\\(");

    private LeonardoText() {
    }

    /** Adds what the text breaks. */
    static void check(String which, String text, int maxChars, List<String> violations) {
        if (text.length() > maxChars) {
            violations.add("too long: the " + which + " has " + text.length() + " characters, the limit is " + maxChars);
        }
        if (ForeignFlags.present(text)) {
            violations.add("no flags: the " + which + " has '--' parameters; settings are parameters, camera moves words");
        }
        if (text.contains("::")) {
            violations.add("no multi-prompts: the " + which + " has '::' weights");
        }
        if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) {
            violations.add("no JSON: the " + which + " has braces; name camera moves in words");
        }
        if (WEIGHT.matcher(text).find()) {
            violations.add("no weights: the " + which + " has emphasis brackets, which Leonardo does not read");
        }
    }

    /** The text with flags, multi-prompts, JSON and emphasis turned into plain words, one warning per kind. */
    static String normalise(String which, String text, List<String> warnings) {
        String result = text;
        String withoutFlags = ForeignFlags.removed(result);
        if (withoutFlags != null) {
            result = withoutFlags;
            warnings.add("Removed '--' flags from the " + which + ".");
        }
        if (result.contains("::")) {
            result = PromptText.withoutMultiPrompts(result);
            warnings.add("Removed '::' weights from the " + which + ".");
        }
        if (result.indexOf('{') >= 0 || result.indexOf('}') >= 0) {
            result = jsonAsWords(result);
            warnings.add("Turned JSON in the " + which + " into words.");
        }
        if (WEIGHT.matcher(result).find()) {
            result = AttentionSyntax.strip(result);
            warnings.add("Removed emphasis brackets from the " + which + ".");
        }
        return PromptText.tidy(result);
    }

    /** Each {@code {...}} block replaced by its string values ("dolly in, slow"); stray braces removed. */
    private static String jsonAsWords(String text) {
        var out = new StringBuilder(text.length());
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(text, at, text.length());
                break;
            }
            out.append(text, at, open).append(", ");
            Matcher pair = PAIR.matcher(text).region(open, close);
            var values = new StringBuilder();
            while (pair.find()) {
                if (!pair.group(1).isBlank()) {
                    values.append(values.isEmpty() ? "" : ", ").append(pair.group(1).strip());
                }
            }
            out.append(values).append(", ");
            at = close + 1;
        }
        var cleaned = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            cleaned.append(c == '{' || c == '}' ? ' ' : c);
        }
        return cleaned.toString();
    }
}
