package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Parameter;
import io.shotcraft.targets.rules.MidjourneyLine.Arity;
import io.shotcraft.targets.rules.MidjourneyLine.Spec;

/**
 * Midjourney V7 images. Besides the shared line rules ({@link MidjourneyStyleRules}), the V7 parameters and their
 * documented ranges: {@code --ar W:H} (whole numbers), {@code --s} 0–1000, {@code --c} 0–100, {@code --w} 0–3000,
 * {@code --seed} 0–4294967295, {@code --q} 1|2|4, {@code --v 7}, {@code --style raw} / {@code --raw}, {@code --iw}
 * 0–3, {@code --sw} 0–1000, {@code --ow} 1–1000, {@code --exp} 0–100, {@code --stop} 10–100, {@code --no},
 * {@code --sref}, {@code --oref}, {@code --p}, {@code --tile}, {@code --draft}. Options: {@code aspectRatio},
 * {@code seed}, and {@code stylize}, {@code chaos}, {@code weird}, {@code quality}, {@code raw} in extra.
 */
final class MidjourneyRules extends MidjourneyStyleRules {

    static final String NAME = "midjourney";

    private static final List<Spec> SPECS = List.of(
            new Spec("ar", Arity.ONE, new FlagValue.Ratio()),
            new Spec("s", Arity.ONE, new FlagValue.Range(0, 1000, false)),
            new Spec("c", Arity.ONE, new FlagValue.Range(0, 100, false)),
            new Spec("w", Arity.ONE, new FlagValue.Range(0, 3000, false)),
            new Spec("seed", Arity.ONE, new FlagValue.Range(0, TargetOptions.MAX_SEED, false)),
            new Spec("q", Arity.ONE, new FlagValue.Choice(Set.of("1", "2", "4"))),
            new Spec("v", Arity.ONE, new FlagValue.Choice(Set.of("7"))),
            new Spec("style", Arity.ONE, new FlagValue.Choice(Set.of("raw"))),
            new Spec("raw", Arity.NONE, new FlagValue.None()),
            new Spec("iw", Arity.ONE, new FlagValue.Range(0, 3, true)),
            new Spec("sw", Arity.ONE, new FlagValue.Range(0, 1000, false)),
            new Spec("ow", Arity.ONE, new FlagValue.Range(1, 1000, false)),
            new Spec("exp", Arity.ONE, new FlagValue.Range(0, 100, false)),
            new Spec("stop", Arity.ONE, new FlagValue.Range(10, 100, false)),
            new Spec("no", Arity.LIST, new FlagValue.Text()),
            new Spec("sref", Arity.LIST, new FlagValue.Text()),
            new Spec("oref", Arity.ONE, new FlagValue.Url()),
            new Spec("p", Arity.LIST, new FlagValue.Text()),
            new Spec("tile", Arity.NONE, new FlagValue.None()),
            new Spec("draft", Arity.NONE, new FlagValue.None()));
    private static final Map<String, String> ALIASES = Map.of("aspect", "ar", "aspect_ratio", "ar", "stylize", "s",
            "chaos", "c", "weird", "w", "quality", "q", "version", "v", "profile", "p");

    MidjourneyRules(ModelLimits limits) {
        super(limits, byName(SPECS, ALIASES));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    void applyOptions(Map<String, String> flags, TargetOptions options, List<String> warnings) {
        if (options.aspectRatio() != null) {
            set(flags, "ar", options.ratio().toString(), warnings);
        }
        if (options.seed() != null) {
            set(flags, "seed", options.seed().toString(), warnings);
        }
        setInteger(flags, "s", Extras.integer(options, "stylize", 0, 1000), warnings);
        setInteger(flags, "c", Extras.integer(options, "chaos", 0, 100), warnings);
        setInteger(flags, "w", Extras.integer(options, "weird", 0, 3000), warnings);
        String quality = Extras.choice(options, "quality", Set.of("1", "2", "4"));
        if (quality != null) {
            set(flags, "q", quality, warnings);
        }
        Boolean raw = Extras.bool(options, "raw");
        if (Boolean.TRUE.equals(raw) && !"raw".equals(flags.get("style"))) {
            flags.put("raw", "");
        } else if (Boolean.FALSE.equals(raw)) {
            boolean hadRaw = flags.remove("raw") != null;
            boolean hadStyle = flags.remove("style") != null;
            if (hadRaw || hadStyle) {
                warnings.add("Removed raw style, as requested.");
            }
        }
    }

    @Override
    public TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options) {
        var scene = OfflineScene.of(sourcePrompt, parameters);
        var flags = new LinkedHashMap<String, String>();
        applyOptions(flags, options, new ArrayList<>());
        String body = scene.prose().isEmpty() ? "a cinematic scene" : scene.prose();
        return TargetPrompt.of(render(fit(body, flags), flags));
    }

    private static void setInteger(Map<String, String> flags, String name, Integer value, List<String> warnings) {
        if (value != null) {
            set(flags, name, value.toString(), warnings);
        }
    }
}
