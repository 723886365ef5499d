package io.shotcraft.parameters;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.ai.AiTask;
import io.shotcraft.parameters.offline.OfflineParameterExtractor;

/** The extraction task: a prompt's parameters, by the model ({@link ParameterExtractor}) or the offline extractor. */
@ApplicationScoped
public class ExtractTask implements AiTask<String, PromptParameters> {

    /** Its settings are {@code shotcraft.ai.tasks.tuning-extract.*}, the name it had when tuning owned it. */
    static final String NAME = "tuning-extract";
    static final String SYSTEM = "prompts/parameters/extract.md";

    private final ParameterExtractor model;
    private final OfflineParameterExtractor offline;

    public ExtractTask(ParameterExtractor model, OfflineParameterExtractor offline) {
        this.model = model;
        this.offline = offline;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<PromptParameters> answerType() {
        return PromptParameters.class;
    }

    @Override
    public List<String> promptFiles() {
        return List.of(SYSTEM);
    }

    @Override
    public PromptParameters ask(String prompt) {
        return model.extract(prompt);
    }

    @Override
    public PromptParameters offline(String prompt, String fallbackReason) {
        return new PromptParameters(offline.extract(prompt));
    }
}
