package io.shotcraft.clips;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.shotcraft.ai.InvocationMemory;
import io.shotcraft.ai.TaskModels;

/** The clip task's LLM engine: one call rewrites the base prompts of a batch of clips. */
@RegisterAiService(chatLanguageModelSupplier = TaskModels.class, chatMemoryProviderSupplier = InvocationMemory.class)
@ApplicationScoped
public interface ClipPromptWriter {

    @SystemMessage(fromResource = ClipPromptOptimizer.SYSTEM)
    @UserMessage(fromResource = ClipPromptOptimizer.USER)
    @OutputGuardrails(ClipChecks.class)
    ClipPromptBatch write(int maxWords, String styleKeywords, String before, int count, String basePrompts);
}
