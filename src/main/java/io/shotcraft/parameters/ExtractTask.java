package io.shotcraft.parameters;


import jakarta.inject.Singleton;

import io.shotcraft.ai.DeclaredTask;
import io.shotcraft.parameters.offline.OfflineParameterExtractor;

/** The extraction task: a prompt's parameters, by the model ({@link ParameterExtractor}) or the offline extractor. */
@Singleton
public class ExtractTask extends DeclaredTask<String, PromptParameters> {

    /** Its settings are {@code shotcraft.ai.tasks.tuning-extract.*}, the name it had when tuning owned it. */
    static final String NAME = "tuning-extract";
    static final String SYSTEM = "prompts/parameters/extract.md";

    private final ParameterExtractor model;
    private final OfflineParameterExtractor offline;

    public ExtractTask(ParameterExtractor model, OfflineParameterExtractor offline) {
        super(NAME, PromptParameters.class, SYSTEM);
        this.model = model;
        this.offline = offline;
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
