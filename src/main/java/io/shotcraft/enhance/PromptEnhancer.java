package io.shotcraft.enhance;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.ImageUrl;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.shotcraft.ai.InvocationMemory;
import io.shotcraft.ai.TaskModels;

/** The enhance task's LLM engine: a declarative AI service; {@link EnhanceTask} declares the task around it. */
@RegisterAiService(chatLanguageModelSupplier = TaskModels.class, chatMemoryProviderSupplier = InvocationMemory.class)
@ApplicationScoped
public interface PromptEnhancer {

    @SystemMessage(fromResource = EnhanceTask.SYSTEM)
    @UserMessage(fromResource = EnhanceTask.USER)
    @OutputGuardrails(EnhanceChecks.class)
    EnhancedPrompt enhance(String prompt, int maxWords, String imageSection, boolean i2v);

    /** Image-to-video with the image itself, for a vision-capable model. */
    @SystemMessage(fromResource = EnhanceTask.SYSTEM)
    @UserMessage(fromResource = EnhanceTask.USER)
    @OutputGuardrails(EnhanceChecks.class)
    EnhancedPrompt enhanceImage(String prompt, int maxWords, String imageSection, boolean i2v, @ImageUrl String imageUrl);
}
