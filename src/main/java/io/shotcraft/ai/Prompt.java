package io.shotcraft.ai;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt text composed from one or more files under {@code prompts/}; {@code version} is a hash of its
 * content, so a changed prompt never serves results cached for the old one.
 */
public record Prompt(String text, String version) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");

    /** One version for a set of prompt files used together (system prompt, template, schema…). */
    public static String versionOf(Prompt... parts) {
        var joined = new StringBuilder();
        for (Prompt part : parts) {
            joined.append(part.version()).append('/');
        }
        return Prompts.version(joined.toString());
    }

    /** Replaces every {@code {{name}}} with its value; a placeholder without a value is an error in the code. */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + m.group(1) + "}} in prompt " + version);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
