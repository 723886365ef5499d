package io.shotcraft.ai;

import java.util.List;

/**
 * One AI task, declared once inside its feature: its name, the prompt files and answer type of its declarative AI
 * service ({@code @RegisterAiService}), how the service is asked, and the offline twin that gives the same kind of
 * answer without a model. The answer's checks and the one repair are the AI service's output guardrail (a
 * {@link TaskGuardrail}). Everything else (engine choice, cache, cost cap, fault tolerance, usage, metrics) is the
 * AI layer's, applied by {@link AiTaskRunner} to every task alike; a task needs no setting unless it differs from
 * {@code shotcraft.ai.*} ({@code shotcraft.ai.tasks.<name>.*}).
 *
 * @param <I> what the task is asked
 * @param <A> the answer, a record the model fills (structured output) and the offline twin builds
 */
public interface AiTask<I, A> {

    /** The task's name: the key of its settings, its cache namespace, its metrics and usage tag. */
    String name();

    /** The record the model's JSON answer is read into. */
    Class<A> answerType();

    /** The prompt files of its AI service (paths in the classpath, {@code prompts/…}); their hash is the prompt version. */
    List<String> promptFiles();

    /** Asks the model through the task's AI service. Called on a worker thread, inside the runner's invocation. */
    A ask(I input);

    /**
     * The offline twin's answer, deterministic, with no model. {@code fallbackReason} says why it answers when the
     * model was expected (null when the offline engine was chosen), so that what it says can name what was tried.
     */
    A offline(I input, String fallbackReason);

    /**
     * A schema made for this input, sent instead of the one the library makes from the answer record; null (the
     * default) for a task whose answer always has the same shape.
     */
    default AnswerSchema answerSchema(I input) {
        return null;
    }

    /** What keys the cache, with the task, model, prompt version, seed and output language; the input by default. */
    default Object cacheKey(I input) {
        return input;
    }
}
