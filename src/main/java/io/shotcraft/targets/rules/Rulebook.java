package io.shotcraft.targets.rules;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import io.shotcraft.platform.text.Words;

/**
 * Every model's rules by the name {@code prompts/targets/groups.json} gives them ({@code "rules"}). A model added by
 * data alone uses {@code generic}. Rules are immutable: build them once per model when the data is loaded.
 */
public final class Rulebook {

    private static final Set<String> NAMES = Set.of(SoraRules.NAME, LeonardoImageRules.Model.PHOENIX.rulesName,
            LeonardoImageRules.Model.ANIME_XL.rulesName, MidjourneyRules.NAME, StableDiffusionRules.NAME,
            MotionRules.NAME, MidjourneyAnimateRules.NAME, GenericRules.NAME);

    private Rulebook() {
    }

    /**
     * The rules of that name.
     *
     * @param rulesName  {@code sora}, {@code phoenix}, {@code leonardo_anime_xl}, {@code midjourney},
     *                   {@code stable_diffusion}, {@code motion_2_0}, {@code midjourney_animate} or {@code generic}
     * @param limits     the model's length limits
     * @param clipTokens counts CLIP tokens (without start and end tokens); needed by {@code stable_diffusion}, and
     *                   used by {@code generic} for {@code max_tokens} (whitespace words when null)
     * @throws IllegalArgumentException for an unknown name
     */
    public static ModelRules rules(String rulesName, ModelLimits limits, ToIntFunction<String> clipTokens) {
        if (limits == null) {
            throw new IllegalArgumentException("rules '" + rulesName + "' need limits");
        }
        return switch (rulesName == null ? "" : rulesName) {
            case SoraRules.NAME -> new SoraRules(limits);
            case "phoenix" -> new LeonardoImageRules(LeonardoImageRules.Model.PHOENIX, limits);
            case "leonardo_anime_xl" -> new LeonardoImageRules(LeonardoImageRules.Model.ANIME_XL, limits);
            case MidjourneyRules.NAME -> new MidjourneyRules(limits);
            case MidjourneyAnimateRules.NAME -> new MidjourneyAnimateRules(limits);
            case MotionRules.NAME -> new MotionRules(limits);
            case StableDiffusionRules.NAME -> new StableDiffusionRules(limits, clipTokens,
                    StableDiffusionRules.DEFAULT_MIN_WEIGHT, StableDiffusionRules.DEFAULT_MAX_WEIGHT);
            case GenericRules.NAME -> new GenericRules(limits, clipTokens == null ? Words::count : clipTokens);
            default -> throw new IllegalArgumentException(
                    "unknown rules '" + rulesName + "'; known: " + String.join(", ", new TreeSet<>(NAMES)));
        };
    }

    /** The names {@link #rules} knows. */
    public static Set<String> names() {
        return NAMES;
    }
}
