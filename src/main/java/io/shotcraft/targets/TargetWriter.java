package io.shotcraft.targets;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.shotcraft.ai.InvocationMemory;
import io.shotcraft.ai.TaskModels;

/**
 * The targets task's LLM engine: one call writes a prompt for every selected model. The system prompt is the
 * selection's merged instructions and the answer's schema the selection's merged schema ({@link TargetsTask#answerSchema}).
 */
@RegisterAiService(chatLanguageModelSupplier = TaskModels.class, chatMemoryProviderSupplier = InvocationMemory.class)
@ApplicationScoped
public interface TargetWriter {

    @SystemMessage(fromResource = TargetsTask.SYSTEM)
    @UserMessage(fromResource = TargetsTask.USER)
    @OutputGuardrails(TargetChecks.class)
    TargetAnswer write(String instructions, String source, String parameters, String options, String models);
}
