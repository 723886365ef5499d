package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Parameter;

/**
 * Leonardo Motion 2.0 (text and image to video): a prose description of the subject, its motion and the camera move
 * named in words (no flags, no camera JSON; see {@link LeonardoText}); clips are 5 seconds, 16:9 or 9:16, at 480p or
 * 720p, given as the parameters {@code duration}, {@code aspect_ratio} and {@code resolution}. Options:
 * {@code durationSeconds} (always becomes 5, with a warning when it differs), {@code aspectRatio} (to the orientation
 * it has) and {@code resolution} in extra.
 */
final class MotionRules implements ModelRules {

    static final String NAME = "motion_2_0";
    private static final int SECONDS = 5;
    private static final Set<String> RESOLUTIONS = Set.of("480p", "720p");
    private static final Map<String, ParameterCheck> PARAMETERS = ParameterCheck.byName(
            ParameterCheck.oneOf("duration", Integer.class, Set.of(SECONDS)),
            ParameterCheck.oneOf("aspect_ratio", String.class, Set.of("16:9", "9:16")),
            ParameterCheck.oneOf("resolution", String.class, Set.copyOf(RESOLUTIONS)));

    private final ModelLimits limits;

    MotionRules(ModelLimits limits) {
        this.limits = limits;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> violations(TargetPrompt prompt) {
        if (prompt.prompt().isBlank()) {
            return List.of("empty prompt: the prompt has no text");
        }
        var violations = new ArrayList<String>();
        LeonardoText.check("prompt", prompt.prompt(), limits.maxChars(), violations);
        LeonardoText.check("negative prompt", prompt.negativePrompt(), limits.maxChars(), violations);
        ParameterCheck.checkAll(prompt.parameters(), PARAMETERS, "Motion 2.0", violations);
        return List.copyOf(violations);
    }

    @Override
    public TargetPrompt adapt(TargetPrompt answer, TargetOptions options) {
        var warnings = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        ParameterCheck.keepKnown(answer.parameters(), PARAMETERS, "Motion 2.0", parameters, warnings);
        Object duration = parameters.get("duration");
        if (duration != null && !Integer.valueOf(SECONDS).equals(duration)) {
            warnings.add("Motion 2.0 makes 5-second clips; the duration " + Snippet.of(String.valueOf(duration))
                    + " became 5.");
            parameters.put("duration", SECONDS);
        }
        applyOptions(parameters, options, warnings);
        String prompt = LeonardoText.normalise("prompt", answer.prompt(), warnings);
        String negative = LeonardoText.normalise("negative prompt", answer.negativePrompt(), warnings);
        return new TargetPrompt(prompt, negative, parameters, answer.warnings()).withWarnings(warnings);
    }

    @Override
    public TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options) {
        var values = new LinkedHashMap<String, Object>();
        values.put("duration", SECONDS);
        applyOptions(values, options, new ArrayList<>());
        var scene = OfflineScene.of(sourcePrompt, parameters);
        String camera = scene.camera() == null ? " The camera slowly pushes in." : " Camera movement: " + scene.camera() + ".";
        String mood = scene.mood() == null ? "" : " The mood is " + scene.mood() + ".";
        String tail = camera + mood;
        String prose = scene.prose().isEmpty() ? "A cinematic scene in motion" : PromptText.capitalised(scene.prose());
        prose = PromptText.sentence(PromptText.cut(prose, Math.max(1, limits.maxChars() - tail.length() - 1)));
        return new TargetPrompt(PromptText.cut(prose + tail, limits.maxChars()), "", values, List.of());
    }

    private static void applyOptions(Map<String, Object> parameters, TargetOptions options, List<String> warnings) {
        String resolution = Extras.choice(options, "resolution", RESOLUTIONS);
        if (options.durationSeconds() != null) {
            if (options.durationSeconds() != SECONDS) {
                warnings.add("Motion 2.0 makes 5-second clips; " + options.durationSeconds() + " s became 5 s.");
            }
            parameters.put("duration", SECONDS);
        }
        if (options.aspectRatio() != null) {
            var ratio = options.ratio();
            String chosen = ratio.portrait() ? "9:16" : "16:9";
            if (!chosen.equals(ratio.toString())) {
                warnings.add("Motion 2.0 makes 16:9 or 9:16 clips; " + ratio + " became " + chosen + ".");
            }
            parameters.put("aspect_ratio", chosen);
        }
        if (resolution != null) {
            parameters.put("resolution", resolution);
        }
    }
}
