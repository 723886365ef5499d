package io.shotcraft.enhance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import io.shotcraft.ai.DeclaredTask;
import io.shotcraft.parameters.Parameter;

/**
 * The enhance task: a short idea into one detailed cinematic prompt. The model writes it ({@link PromptEnhancer}),
 * {@link EnhanceChecks} checks it (and asks for one repair when it lost the user's details), the offline enhancer
 * is its twin.
 */
@Singleton
public class EnhanceTask extends DeclaredTask<EnhanceTask.Input, EnhancedPrompt> {

    static final String NAME = "enhance";
    static final String SYSTEM = "prompts/enhance/system.md";
    static final String USER = "prompts/enhance/user.md";

    /** What the task is asked; {@code wanted} are the original's parameters, which the answer must keep. */
    public record Input(String prompt, EnhanceMode mode, String imageUrl, String imageCaption, int maxWords, int seed,
            List<Parameter> wanted) {
    }

    private final PromptEnhancer model;
    private final OfflinePromptEnhancer offline;

    public EnhanceTask(PromptEnhancer model, OfflinePromptEnhancer offline) {
        super(NAME, EnhancedPrompt.class, SYSTEM, USER);
        this.model = model;
        this.offline = offline;
    }

    @Override
    public EnhancedPrompt ask(Input input) {
        boolean i2v = input.mode() == EnhanceMode.I2V;
        var section = imageSection(input);
        if (i2v && input.imageUrl() != null) {
            return model.enhanceImage(input.prompt(), input.maxWords(), section, true, input.imageUrl());
        }
        return model.enhance(input.prompt(), input.maxWords(), section, i2v);
    }

    @Override
    public EnhancedPrompt offline(Input input, String fallbackReason) {
        return new EnhancedPrompt(offline.enhance(input.prompt(), input.mode(), input.imageCaption(), input.seed(),
                input.maxWords()).text());
    }

    @Override
    public Object cacheKey(Input input) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("prompt", input.prompt());
        key.put("mode", input.mode().name());
        key.put("image_url", input.imageUrl());
        key.put("image_caption", input.imageCaption());
        key.put("max_words", input.maxWords());
        return key;
    }

    private static String imageSection(Input input) {
        if (input.mode() != EnhanceMode.I2V) {
            return "";
        }
        if (input.imageCaption() != null && !input.imageCaption().isBlank()) {
            return "Image caption: " + input.imageCaption().strip() + "\n";
        }
        return "The image is attached.\n";
    }
}
