package io.shotcraft.parameters;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.shotcraft.ai.InvocationMemory;
import io.shotcraft.ai.TaskModels;

/** The extraction task's LLM engine (a fast model): the prompt is the user message as it is. */
@RegisterAiService(chatLanguageModelSupplier = TaskModels.class, chatMemoryProviderSupplier = InvocationMemory.class)
@ApplicationScoped
public interface ParameterExtractor {

    @SystemMessage(fromResource = ExtractTask.SYSTEM)
    @OutputGuardrails(ExtractChecks.class)
    PromptParameters extract(@UserMessage String prompt);
}
