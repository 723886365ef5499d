package io.shotcraft.targets.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shotcraft.parameters.Parameter;

/**
 * Leonardo's image models. Phoenix 1.0 follows long, descriptive prose closely (and renders text); its settings are
 * {@code contrast} (1.0, 1.3, 1.8, 2.5, 3, 3.5, 4, 4.5; with {@code alchemy}, the Quality mode, at least 2.5),
 * {@code alchemy}, {@code width} and {@code height}. Anime XL (an SDXL fine-tune) works best with anime keywords and
 * a negative prompt; its settings are {@code alchemy}, {@code guidance_scale} 1–20, {@code width} and
 * {@code height}. Sizes are multiples of 8 from 32 to 1536. Both take a negative prompt and read text only (see
 * {@link LeonardoText}).
 */
final class LeonardoImageRules implements ModelRules {

    /** The two models and what differs between them. */
    enum Model {
        PHOENIX("phoenix", "Leonardo Phoenix"), ANIME_XL("leonardo_anime_xl", "Leonardo Anime XL");

        final String rulesName;
        final String label;

        Model(String rulesName, String label) {
            this.rulesName = rulesName;
            this.label = label;
        }
    }

    private static final Set<Object> CONTRASTS = Set.of(1.0, 1.3, 1.8, 2.5, 3.0, 3.5, 4.0, 4.5);
    private static final double ALCHEMY_MIN_CONTRAST = 2.5;
    private static final Map<String, ParameterCheck> PHOENIX = ParameterCheck.byName(
            ParameterCheck.integer("width", 32, 1536, 8), ParameterCheck.integer("height", 32, 1536, 8),
            ParameterCheck.oneOf("contrast", Double.class, CONTRASTS), ParameterCheck.bool("alchemy"));
    private static final Map<String, ParameterCheck> ANIME_XL = ParameterCheck.byName(
            ParameterCheck.integer("width", 32, 1536, 8), ParameterCheck.integer("height", 32, 1536, 8),
            ParameterCheck.bool("alchemy"), ParameterCheck.integer("guidance_scale", 1, 20, 1));
    private static final String PHOENIX_NEGATIVE = "blurry, low detail, distorted hands, extra limbs, watermark, "
            + "signature";
    private static final String ANIME_NEGATIVE = "lowres, blurry, bad anatomy, bad hands, extra fingers, watermark, "
            + "signature, text, jpeg artifacts, photorealistic, 3d render";

    private final Model model;
    private final ModelLimits limits;
    private final Map<String, ParameterCheck> checks;

    LeonardoImageRules(Model model, ModelLimits limits) {
        this.model = model;
        this.limits = limits;
        this.checks = model == Model.PHOENIX ? PHOENIX : ANIME_XL;
    }

    @Override
    public String name() {
        return model.rulesName;
    }

    @Override
    public List<String> violations(TargetPrompt prompt) {
        if (prompt.prompt().isBlank()) {
            return List.of("empty prompt: the prompt has no text");
        }
        var violations = new ArrayList<String>();
        LeonardoText.check("prompt", prompt.prompt(), limits.maxChars(), violations);
        LeonardoText.check("negative prompt", prompt.negativePrompt(), limits.maxChars(), violations);
        ParameterCheck.checkAll(prompt.parameters(), checks, model.label, violations);
        if (Boolean.TRUE.equals(prompt.parameters().get("alchemy"))
                && prompt.parameters().get("contrast") instanceof Double contrast && contrast < ALCHEMY_MIN_CONTRAST) {
            violations.add("bad value: with alchemy on, contrast must be at least 2.5, was " + contrast);
        }
        return List.copyOf(violations);
    }

    @Override
    public TargetPrompt adapt(TargetPrompt answer, TargetOptions options) {
        var warnings = new ArrayList<String>();
        var parameters = new LinkedHashMap<String, Object>();
        ParameterCheck.keepKnown(answer.parameters(), checks, model.label, parameters, warnings);
        applyOptions(parameters, options, warnings);
        String prompt = LeonardoText.normalise("prompt", answer.prompt(), warnings);
        String negative = LeonardoText.normalise("negative prompt", answer.negativePrompt(), warnings);
        return new TargetPrompt(prompt, negative, parameters, answer.warnings()).withWarnings(warnings);
    }

    @Override
    public TargetPrompt offline(String sourcePrompt, List<Parameter> parameters, TargetOptions options) {
        var values = new LinkedHashMap<String, Object>();
        applyOptions(values, options, new ArrayList<>());
        var scene = OfflineScene.of(sourcePrompt, parameters);
        String prompt = model == Model.PHOENIX ? phoenix(scene) : animeXl(scene);
        String negative = model == Model.PHOENIX ? PHOENIX_NEGATIVE : ANIME_NEGATIVE;
        return new TargetPrompt(prompt, PromptText.cut(negative, limits.maxChars()), values, List.of());
    }

    private String phoenix(OfflineScene scene) {
        String finish = " Cinematic composition, " + (scene.lighting() == null ? "soft natural light" : scene.lighting())
                + ", rich texture and fine detail.";
        String prose = scene.prose().isEmpty() ? "A cinematic scene" : PromptText.capitalised(scene.prose());
        prose = PromptText.sentence(PromptText.cut(prose, Math.max(1, limits.maxChars() - finish.length() - 1)));
        return PromptText.cut(prose + finish, limits.maxChars());
    }

    private String animeXl(OfflineScene scene) {
        var keywords = new ArrayList<String>();
        keywords.add("anime illustration");
        keywords.addAll(scene.keywords());
        keywords.add("vibrant colors, clean line art, detailed background");
        return PromptText.cut(PromptText.tidy(String.join(", ", keywords)), limits.maxChars());
    }

    private void applyOptions(Map<String, Object> parameters, TargetOptions options, List<String> warnings) {
        if (options.aspectRatio() != null) {
            var size = Dimensions.of(options.ratio(), 1024 * 1024, 8, 512, 1536);
            parameters.put("width", size.width());
            parameters.put("height", size.height());
        }
        Boolean alchemy = Extras.bool(options, "alchemy");
        if (alchemy != null) {
            parameters.put("alchemy", alchemy);
        }
        if (model == Model.PHOENIX) {
            Double contrast = Extras.number(options, "contrast", Set.of(1.0, 1.3, 1.8, 2.5, 3.0, 3.5, 4.0, 4.5),
                    "1.0, 1.3, 1.8, 2.5, 3, 3.5, 4, 4.5");
            if (contrast != null) {
                parameters.put("contrast", contrast);
            }
            if (Boolean.TRUE.equals(parameters.get("alchemy")) && parameters.get("contrast") instanceof Double c
                    && c < ALCHEMY_MIN_CONTRAST) {
                parameters.put("contrast", ALCHEMY_MIN_CONTRAST);
                warnings.add("Raised contrast to 2.5, the least Phoenix takes with alchemy on.");
            }
        } else {
            Integer guidance = Extras.integer(options, "guidance_scale", 1, 20);
            if (guidance != null) {
                parameters.put("guidance_scale", guidance);
            }
        }
    }
}
