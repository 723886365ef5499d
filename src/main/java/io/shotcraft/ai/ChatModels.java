package io.shotcraft.ai;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.quarkiverse.langchain4j.ModelName;

/**
 * The chat model of each task, one quarkus-langchain4j named model configuration per task
 * ({@code quarkus.langchain4j.openai.<task>.*}). A new task adds its injection point here.
 */
@ApplicationScoped
public class ChatModels {

    private final Map<String, ChatModel> byTask;
    private final Map<String, StreamingChatModel> streamingByTask;

    public ChatModels(@ModelName("enhance") ChatModel enhance, @ModelName("tuning-extract") ChatModel tuningExtract,
            @ModelName("tuning-edit") ChatModel tuningEdit, @ModelName("tuning-edit") StreamingChatModel tuningEditStreaming,
            @ModelName("clips") ChatModel clips) {
        this.byTask = Map.of("enhance", enhance, "tuning-extract", tuningExtract, "tuning-edit", tuningEdit, "clips", clips);
        this.streamingByTask = Map.of("tuning-edit", tuningEditStreaming);
    }

    /** The streaming model of a task, or null when the task does not stream. */
    public StreamingChatModel streamingForTask(String task) {
        return streamingByTask.get(task);
    }

    public ChatModel forTask(String task) {
        var model = byTask.get(task);
        if (model == null) {
            throw new IllegalArgumentException("No chat model is configured for task " + task);
        }
        return model;
    }
}
