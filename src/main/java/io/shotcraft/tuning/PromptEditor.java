package io.shotcraft.tuning;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.shotcraft.ai.InvocationMemory;
import io.shotcraft.ai.TaskModels;

/** The edit task's LLM engine: one call interprets the request and regenerates the prompt. */
@RegisterAiService(chatLanguageModelSupplier = TaskModels.class, chatMemoryProviderSupplier = InvocationMemory.class)
@ApplicationScoped
public interface PromptEditor {

    @SystemMessage(fromResource = EditTask.SYSTEM)
    @UserMessage(fromResource = EditTask.USER)
    @OutputGuardrails(EditChecks.class)
    PromptEdit edit(String prompt, String parameters, String request);
}
