package io.shotcraft.demo;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.shotcraft.ai.InvocationMemory;
import io.shotcraft.ai.TaskModels;

/**
 * A task declared only in test sources, the way a feature declares one: nothing in {@code io.shotcraft.ai} names it,
 * and it has no setting of its own. Two methods stand for two tasks, to show that their breakers are apart.
 */
@RegisterAiService(chatLanguageModelSupplier = TaskModels.class, chatMemoryProviderSupplier = InvocationMemory.class)
@ApplicationScoped
public interface Captioner {

    @SystemMessage(fromResource = CaptionTask.SYSTEM)
    @OutputGuardrails(CaptionChecks.class)
    Caption caption(@UserMessage String scene);

    @SystemMessage(fromResource = CaptionTask.SYSTEM)
    @OutputGuardrails(CaptionChecks.class)
    Caption title(@UserMessage String scene);
}
