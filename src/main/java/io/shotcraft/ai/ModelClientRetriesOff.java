package io.shotcraft.ai;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.quarkiverse.langchain4j.ModelBuilderCustomizer;

/**
 * langchain4j's OpenAI client retries failed calls itself ({@code max-retries}, which its Quarkus configuration keeps
 * at 1 or more). {@link ModelGuards} is the service's one retry layer, so the client's retries are set to none here.
 */
@ApplicationScoped
public class ModelClientRetriesOff implements ModelBuilderCustomizer<OpenAiChatModel.OpenAiChatModelBuilder> {

    @Override
    public void customize(OpenAiChatModel.OpenAiChatModelBuilder builder) {
        builder.maxRetries(0);
    }
}
