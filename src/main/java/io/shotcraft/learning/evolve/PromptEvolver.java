package io.shotcraft.learning.evolve;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.shotcraft.ai.InvocationMemory;
import io.shotcraft.ai.TaskModels;

/** The evolve task's LLM engine: a declarative AI service; {@link EvolveTask} declares the task around it. */
@RegisterAiService(chatLanguageModelSupplier = TaskModels.class, chatMemoryProviderSupplier = InvocationMemory.class)
@ApplicationScoped
public interface PromptEvolver {

    @SystemMessage(fromResource = EvolveTask.SYSTEM)
    @UserMessage(fromResource = EvolveTask.USER)
    @OutputGuardrails(EvolveChecks.class)
    EvolvedPrompts evolve(String version, String currentPrompt, String negativePrompt, String rating, String issues,
            String praised, String history, String neverChange, int maxLength, int variants);
}
