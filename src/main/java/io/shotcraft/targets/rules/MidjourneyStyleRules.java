package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shotcraft.targets.rules.MidjourneyLine.Arity;
import io.shotcraft.targets.rules.MidjourneyLine.Flag;
import io.shotcraft.targets.rules.MidjourneyLine.Spec;

/**
 * What Midjourney's image and video prompts share: one line, text first and {@code --parameters} last, each
 * parameter once and with a documented value, no {@code ::} multi-prompts (V7 rejects them), no separate negative
 * prompt and no side parameters (everything the user pastes is the line). Subclasses give the parameters they know
 * and how the options map to them.
 */
abstract class MidjourneyStyleRules implements ModelRules {

    protected final ModelLimits limits;
    private final Map<String, Spec> specs;

    /**
     * @param specs the parameters the model knows, by every name they may be written with
     */
    MidjourneyStyleRules(ModelLimits limits, Map<String, Spec> specs) {
        this.limits = limits;
        this.specs = Map.copyOf(specs);
    }

    /** Puts the options into the parameters (by canonical name), adding a warning for each value replaced. */
    abstract void applyOptions(Map<String, String> flags, TargetOptions options, List<String> warnings);

    /** Rules between parameters (e.g. {@code --loop} with {@code --end}); adds what breaks them. */
    void checkTogether(Map<String, String> flags, List<String> violations) {
    }

    @Override
    public List<String> violations(TargetPrompt prompt) {
        var violations = new ArrayList<String>();
        String text = prompt.prompt().strip();
        if (text.isEmpty()) {
            return List.of("empty prompt: the prompt has no text");
        }
        if (text.length() > limits.maxChars()) {
            violations.add("too long: " + text.length() + " characters, the limit is " + limits.maxChars());
        }
        if (!prompt.negativePrompt().isBlank()) {
            violations.add("no negative prompt: Midjourney takes exclusions as --no in the prompt");
        }
        if (!prompt.parameters().isEmpty()) {
            violations.add("parameters in the prompt: Midjourney settings are --parameters at the end of the text");
        }
        if (text.contains("::")) {
            violations.add("no multi-prompts: V7 rejects '::' weights");
        }
        if (text.indexOf('\n') >= 0) {
            violations.add("one line: a Midjourney prompt has no line breaks");
        }
        var line = MidjourneyLine.read(text, specs);
        if (line.text().isEmpty()) {
            violations.add("text first: the prompt starts with a parameter");
        }
        if (!line.stray().isEmpty()) {
            violations.add("parameters last: '" + Snippet.of(line.stray()) + "' comes after a parameter");
        }
        var seen = new HashSet<String>();
        var flags = new LinkedHashMap<String, String>();
        for (Flag flag : line.flags()) {
            if (flag.spec() == null) {
                violations.add("unknown parameter: --" + flag.written() + " is not a parameter of this model");
                continue;
            }
            String name = flag.spec().name();
            if (!seen.add(name)) {
                violations.add("parameter twice: --" + name + " is given more than once");
            }
            String problem = flag.spec().value().problem(flag.value());
            if (problem != null) {
                violations.add("bad value: --" + name + " " + problem + ", was '" + Snippet.of(flag.value()) + "'");
            }
            flags.put(name, flag.value());
        }
        checkTogether(flags, violations);
        return List.copyOf(violations);
    }

    @Override
    public TargetPrompt adapt(TargetPrompt answer, TargetOptions options) {
        var warnings = new ArrayList<String>();
        String text = answer.prompt().replace('\n', ' ');
        if (text.contains("::")) {
            text = PromptText.withoutMultiPrompts(text);
            warnings.add("Removed '::' multi-prompt weights, which V7 rejects.");
        }
        var line = MidjourneyLine.read(text, specs);
        String body = line.text();
        if (!line.stray().isEmpty()) {
            body = body.isEmpty() ? line.stray() : body + " " + line.stray();
            warnings.add("Moved text written after the parameters before them.");
        }
        var flags = new LinkedHashMap<String, String>();
        for (Flag flag : line.flags()) {
            put(flags, flag, warnings);
        }
        answer.parameters().forEach((name, value) -> {
            String written = name.startsWith("--") ? name.substring(2) : name;
            put(flags, new Flag(written, specs.get(written), String.valueOf(value)), warnings);
        });
        if (!answer.negativePrompt().isBlank()) {
            if (specs.containsKey("no")) {
                put(flags, new Flag("no", specs.get("no"), PromptText.plain(answer.negativePrompt())), warnings);
                warnings.add("Moved the negative prompt into --no.");
            } else {
                warnings.add("Dropped the negative prompt, which this model does not take.");
            }
        }
        applyOptions(flags, options, warnings);
        String prompt = render(PromptText.tidy(body), flags);
        return new TargetPrompt(prompt, "", Map.of(), answer.warnings()).withWarnings(warnings);
    }

    /** The line: text, then each parameter. */
    static String render(String body, Map<String, String> flags) {
        var out = new StringBuilder(body);
        flags.forEach((name, value) -> {
            out.append(" --").append(name);
            if (!value.isEmpty()) {
                out.append(' ').append(value);
            }
        });
        return out.toString().strip();
    }

    /** The prose cut so that the line with its parameters fits the character limit. */
    String fit(String body, Map<String, String> flags) {
        int room = limits.maxChars() - render("", flags).length() - 1;
        return PromptText.cut(body, Math.max(1, room));
    }

    /** Sets a parameter from an option, with a warning when it replaces a different value. */
    static void set(Map<String, String> flags, String name, String value, List<String> warnings) {
        String old = flags.put(name, value);
        if (old != null && !old.equals(value)) {
            warnings.add("Replaced --" + name + " " + Snippet.of(old) + " with the requested " + value + ".");
        }
    }

    private void put(Map<String, String> flags, Flag flag, List<String> warnings) {
        if (flag.spec() == null) {
            warnings.add("Dropped --" + Snippet.of(flag.written()) + ", which this model does not know.");
            return;
        }
        String name = flag.spec().name();
        String value = flag.spec().value().repair(flag.value());
        if (value == null) {
            warnings.add("Dropped --" + name + " with its bad value '" + Snippet.of(flag.value()) + "'.");
            return;
        }
        if (!value.equals(flag.value())) {
            warnings.add("Changed --" + name + " from '" + Snippet.of(flag.value()) + "' to '" + value + "'.");
        }
        String old = flags.get(name);
        if (old == null) {
            flags.put(name, value);
        } else if (flag.spec().arity() == Arity.LIST) {
            flags.put(name, old + ", " + value);
            warnings.add("Merged the repeated --" + name + ".");
        } else {
            flags.remove(name);
            flags.put(name, value);
            warnings.add("Kept the last of the repeated --" + name + ".");
        }
    }

    /** Every name a spec may be written with, mapped to it. */
    static Map<String, Spec> byName(List<Spec> specs, Map<String, String> aliases) {
        var byName = new LinkedHashMap<String, Spec>();
        for (Spec spec : specs) {
            byName.put(spec.name(), spec);
        }
        aliases.forEach((alias, name) -> byName.put(alias, byName.get(name)));
        return byName;
    }
}
