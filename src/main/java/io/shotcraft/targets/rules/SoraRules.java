package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Parameter;

/**
 * OpenAI Sora, after its prompting guide: prose describing the scene first, then the cinematography (camera shot,
 * lens, lighting, mood), then the actions as beats. Length, size and model are API parameters, never prose: the
 * prose cannot change them and the model would read them as content. Parameters: {@code seconds} 4, 8 or 12 and
 * {@code size} 1280x720, 720x1280, 1792x1024 or 1024x1792. Options: {@code durationSeconds} (snapped to the nearest
 * length), {@code aspectRatio} (to a size of the same orientation) and {@code size} in extra.
 */
final class SoraRules implements ModelRules {

    static final String NAME = "sora";
    static final String SECONDS = "seconds";
    static final String SIZE = "size";

    private static final List<Integer> LENGTHS = List.of(4, 8, 12);
    private static final Set<String> SIZES = Set.of("1280x720", "720x1280", "1792x1024", "1024x1792");
    private static final String CINEMATOGRAPHY = "cinematography:";
    private static final String ACTIONS = "actions:";

    private final ModelLimits limits;

    SoraRules(ModelLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
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
            violations.add("no negative prompt: Sora takes none; say what to show instead");
        }
        var found = SoraMentions.find(text);
        if (!found.removed().isEmpty()) {
            violations.add("settings in the prose: '" + Snippet.of(found.removed().getFirst())
                    + "' belongs in the parameters (seconds, size), and the model is chosen by the target");
        }
        if (ForeignFlags.present(text)) {
            violations.add("no flags: Sora reads '--' parameters as words");
        }
        checkOrder(text, violations);
        prompt.parameters().forEach((name, value) -> {
            if (name.equals(SECONDS)) {
                if (!(value instanceof Integer seconds) || !LENGTHS.contains(seconds)) {
                    violations.add("bad value: seconds must be 4, 8 or 12, was '" + value + "'");
                }
            } else if (name.equals(SIZE)) {
                if (!SIZES.contains(String.valueOf(value))) {
                    violations.add("bad value: size must be one of " + sizes() + ", was '"
                            + Snippet.of(String.valueOf(value)) + "'");
                }
            } else {
                violations.add("unknown parameter: Sora takes seconds and size, not '" + Snippet.of(name) + "'");
            }
        });
        return List.copyOf(violations);
    }

    @Override
    public TargetPrompt adapt(TargetPrompt answer, TargetOptions options) {
        String fixedSize = Extras.choice(options, SIZE, SIZES);
        var warnings = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        answer.parameters().forEach((name, value) -> keepParameter(parameters, name, value, warnings));
        String text = answer.prompt();
        String withoutFlags = ForeignFlags.removed(text);
        if (withoutFlags != null) {
            text = withoutFlags;
            warnings.add("Removed '--' flags from the prose.");
        }
        var found = SoraMentions.find(text);
        if (!found.removed().isEmpty()) {
            text = found.prose();
            warnings.add("Moved settings out of the prose: '" + Snippet.of(String.join(", ", found.removed())) + "'.");
            if (found.seconds() != null) {
                putSeconds(parameters, found.seconds(), warnings);
            }
            if (found.size() != null) {
                putSize(parameters, found.size(), warnings);
            } else if (found.ratio() != null) {
                parameters.put(SIZE, sizeFor(found.ratio()));
            }
        }
        if (!answer.negativePrompt().isBlank()) {
            warnings.add("Dropped the negative prompt, which Sora does not take.");
        }
        applyOptions(parameters, options, fixedSize, warnings);
        return new TargetPrompt(PromptText.tidy(text), "", parameters, answer.warnings()).withWarnings(warnings);
    }

    @Override
    public TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options) {
        String fixedSize = Extras.choice(options, SIZE, SIZES);
        var scene = OfflineScene.of(sourcePrompt, parameters);
        String subject = scene.subject() == null ? "the subject" : "the " + scene.subject();
        var tail = new StringBuilder("\n\nCinematography:\nCamera shot: ")
                .append(first(scene.shotType(), scene.camera(), "medium shot at eye level, slow push-in"))
                .append("\nLighting: ").append(first(scene.lighting(), null, "natural light that fits the scene"))
                .append("\nMood: ").append(first(scene.mood(), scene.atmosphere(), "grounded and cinematic"))
                .append("\n\nActions:\n- ");
        if (scene.action() != null) {
            tail.append(PromptText.capitalised(subject)).append(' ').append(scene.action()).append(".\n- ")
                    .append(PromptText.capitalised(subject)).append(" pauses as the camera settles.");
        } else {
            tail.append("The scene unfolds as described in one continuous shot.\n- The camera settles on ")
                    .append(subject).append('.');
        }
        String prose = SoraMentions.find(scene.prose()).prose();
        if (prose.isEmpty()) {
            prose = "A cinematic scene";
        }
        prose = PromptText.sentence(PromptText.cut(PromptText.capitalised(prose),
                Math.max(1, limits.maxChars() - tail.length() - 1)));
        var values = new LinkedHashMap<String, Object>();
        applyOptions(values, options, fixedSize, new ArrayList<>());
        String prompt = PromptText.cut(SoraMentions.find(prose + tail).prose(), limits.maxChars());
        return new TargetPrompt(prompt, "", values, List.of());
    }

    private static void checkOrder(String text, List<String> violations) {
        String lower = text.toLowerCase(Locale.ROOT);
        int cinematography = lower.indexOf(CINEMATOGRAPHY);
        int actions = lower.indexOf(ACTIONS);
        if (cinematography == 0 || actions == 0) {
            violations.add("prose first: the scene description comes before the cinematography and actions");
        }
        if (cinematography > 0 && actions >= 0 && actions < cinematography) {
            violations.add("order: the cinematography comes before the actions");
        }
    }

    private static void keepParameter(Map<String, Object> parameters, String name, Object value, List<String> warnings) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals(SECONDS) || key.equals("duration")) {
            try {
                putSeconds(parameters, Integer.parseInt(String.valueOf(value).replace("s", "").strip()), warnings);
            } catch (NumberFormatException e) {
                warnings.add("Dropped the length '" + Snippet.of(String.valueOf(value)) + "', which is not a number.");
            }
        } else if (key.equals(SIZE) || key.equals("resolution")) {
            putSize(parameters, String.valueOf(value), warnings);
        } else {
            warnings.add("Dropped the parameter '" + Snippet.of(name) + "', which Sora does not take.");
        }
    }

    private void applyOptions(Map<String, Object> parameters, TargetOptions options, String fixedSize,
            List<String> warnings) {
        if (options.durationSeconds() != null) {
            putSeconds(parameters, options.durationSeconds(), warnings);
        }
        if (fixedSize != null) {
            parameters.put(SIZE, fixedSize);
        } else if (options.aspectRatio() != null) {
            String size = sizeFor(options.ratio());
            if (options.ratio().width() == options.ratio().height()) {
                warnings.add("Sora has no square size; using " + size + ".");
            }
            parameters.put(SIZE, size);
        }
    }

    private static void putSeconds(Map<String, Object> parameters, int seconds, List<String> warnings) {
        int nearest = LENGTHS.getFirst();
        for (int length : LENGTHS) {
            if (Math.abs(length - seconds) <= Math.abs(nearest - seconds)) {
                nearest = length;
            }
        }
        if (nearest != seconds) {
            warnings.add("Sora makes 4, 8 or 12-second clips; " + seconds + " s became " + nearest + " s.");
        }
        parameters.put(SECONDS, nearest);
    }

    private static void putSize(Map<String, Object> parameters, String size, List<String> warnings) {
        String normalised = size.toLowerCase(Locale.ROOT).replace('×', 'x').replace(" ", "");
        if (SIZES.contains(normalised)) {
            parameters.put(SIZE, normalised);
            return;
        }
        var ratio = AspectRatio.parseOrNull(normalised.replace('x', ':'));
        String chosen = ratio != null && ratio.portrait() ? "720x1280" : "1280x720";
        warnings.add("Sora has no size '" + Snippet.of(size) + "'; using " + chosen + ".");
        parameters.put(SIZE, chosen);
    }

    private static String sizeFor(AspectRatio ratio) {
        return ratio.portrait() ? "720x1280" : "1280x720";
    }

    private static String sizes() {
        return String.join(", ", SIZES.stream().sorted().toList());
    }

    private static String first(String value, String other, String fallback) {
        return value != null ? value : other != null ? other : fallback;
    }
}
