package io.shotcraft.ai;

import java.util.List;

/**
 * The usual way to declare an {@link AiTask}: its name, answer record and prompt files given once to the constructor,
 * so a task class holds only how its AI service is asked and what its offline twin answers. Subclasses are
 * {@code @Singleton} beans (a constructor with arguments, no client proxy).
 */
public abstract class DeclaredTask<I, A> implements AiTask<I, A> {

    private final String name;
    private final Class<A> answerType;
    private final List<String> promptFiles;

    protected DeclaredTask(String name, Class<A> answerType, String... promptFiles) {
        this.name = name;
        this.answerType = answerType;
        this.promptFiles = List.of(promptFiles);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<A> answerType() {
        return answerType;
    }

    @Override
    public final List<String> promptFiles() {
        return promptFiles;
    }
}
