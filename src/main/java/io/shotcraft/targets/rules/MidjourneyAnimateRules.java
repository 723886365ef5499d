package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Mentions;
import io.shotcraft.parameters.Parameter;
import io.shotcraft.targets.rules.MidjourneyLine.Arity;
import io.shotcraft.targets.rules.MidjourneyLine.Spec;

/**
 * Midjourney video (animate an image): a motion prompt with only the video parameters, {@code --motion low|high},
 * {@code --raw}, {@code --loop}, {@code --end <image URL>} (not with {@code --loop}: a loop ends on its first frame)
 * and {@code --bs 1|2|4} (batch size). The clip takes the start image's aspect ratio and has no seed or length
 * parameter, so those options are left out with a warning. Options in extra: {@code motion}, {@code raw},
 * {@code loop}, {@code end_image}, {@code batch_size}.
 */
final class MidjourneyAnimateRules extends MidjourneyStyleRules {

    static final String NAME = "midjourney_animate";

    private static final List<Spec> SPECS = List.of(
            new Spec("motion", Arity.ONE, new FlagValue.Choice(Set.of("low", "high"))),
            new Spec("raw", Arity.NONE, new FlagValue.None()),
            new Spec("loop", Arity.NONE, new FlagValue.None()),
            new Spec("end", Arity.ONE, new FlagValue.Url()),
            new Spec("bs", Arity.ONE, new FlagValue.Choice(Set.of("1", "2", "4"))));

    MidjourneyAnimateRules(ModelLimits limits) {
        super(limits, byName(SPECS, Map.of("batch_size", "bs", "end_image", "end")));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    void checkTogether(Map<String, String> flags, List<String> violations) {
        if (flags.containsKey("loop") && flags.containsKey("end")) {
            violations.add("loop or end: --loop ends on the start frame, so it cannot take --end");
        }
    }

    @Override
    void applyOptions(Map<String, String> flags, TargetOptions options, List<String> warnings) {
        if (options.aspectRatio() != null || options.seed() != null || options.durationSeconds() != null) {
            warnings.add("Midjourney video follows the start image and has no aspect ratio, seed or length setting.");
        }
        String motion = Extras.choice(options, "motion", Set.of("low", "high"));
        if (motion != null) {
            set(flags, "motion", motion, warnings);
        }
        String batch = Extras.choice(options, "batch_size", Set.of("1", "2", "4"));
        if (batch != null) {
            set(flags, "bs", batch, warnings);
        }
        String end = options.extra().get("end_image");
        if (end != null) {
            if (new FlagValue.Url().problem(end) != null) {
                throw new IllegalArgumentException("end_image must be an http(s) image URL");
            }
            set(flags, "end", end, warnings);
        }
        toggle(flags, "raw", Extras.bool(options, "raw"));
        Boolean loop = Extras.bool(options, "loop");
        toggle(flags, "loop", loop);
        if (Boolean.TRUE.equals(loop) && flags.remove("end") != null) {
            warnings.add("Removed --end: a loop ends on its start frame.");
        }
    }

    @Override
    public TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options) {
        var scene = OfflineScene.of(sourcePrompt, parameters);
        var flags = new LinkedHashMap<String, String>();
        flags.put("motion", "low");
        applyOptions(flags, options, new ArrayList<>());
        var body = new StringBuilder(scene.prose().isEmpty() ? "the scene comes alive" : scene.prose());
        String camera = scene.camera() != null ? scene.camera() : "the camera drifts slowly forward";
        if (!Mentions.mentions(body.toString(), camera)) {
            body.append(", ").append(camera);
        }
        return TargetPrompt.of(render(fit(PromptText.tidy(body.toString()), flags), flags));
    }

    private static void toggle(Map<String, String> flags, String name, Boolean on) {
        if (Boolean.TRUE.equals(on)) {
            flags.put(name, "");
        } else if (Boolean.FALSE.equals(on)) {
            flags.remove(name);
        }
    }
}
