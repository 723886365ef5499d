package io.shotcraft.ai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;

/**
 * The checks of a task's answer, as the output guardrail of its AI service ({@code @OutputGuardrails}): the answer is
 * read into the task's record and judged against the task's input. A {@link Verdict#repair repair} makes the library
 * ask the model once more with the instruction appended (one repair: {@code quarkus.langchain4j.guardrails.max-retries=2}
 * attempts in all); a {@link Verdict#reject rejection}, or a repair that fails again, lets the offline engine answer
 * with the verdict's reason. Subclasses are {@code @Singleton} beans (a constructor with arguments, no proxy).
 *
 * @param <I> the task's input
 * @param <A> the task's answer
 */
public abstract class TaskGuardrail<I, A> implements OutputGuardrail {

    private final ObjectMapper json;

    protected TaskGuardrail(ObjectMapper json) {
        this.json = json;
    }

    /** What the checks say of an answer to this input. */
    protected abstract Verdict check(I input, A answer);

    /**
     * Whether the answer being checked is the model's second try, after a repair was asked: a task that settles for
     * a partly usable answer (and replaces the rest) accepts it then instead of asking again.
     */
    protected final boolean afterRepair() {
        var invocation = Invocation.current();
        return invocation != null && invocation.refusal != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        var invocation = Invocation.current();
        if (invocation == null) {
            throw new IllegalStateException("An AI task's guardrail ran outside AiTaskRunner");
        }
        var text = request.responseFromLLM().aiMessage().text();
        var type = (Class<A>) invocation.task.answerType();
        A answer;
        try {
            // The chat model parsed and checked this answer already; its tree is read, not the text again.
            answer = invocation.answer != null ? json.treeToValue(invocation.answer, type) : json.readValue(text, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            invocation.refusal = LlmFailure.Reason.MALFORMED_OUTPUT.wire();
            return fatal("The answer does not read as " + invocation.task.answerType().getSimpleName());
        }
        var verdict = check((I) invocation.input, answer);
        return switch (verdict.kind()) {
            case OK -> successWith(text, answer);
            case REPAIR -> {
                invocation.refusal = verdict.reason();
                yield reprompt(verdict.reason(), verdict.message());
            }
            case REJECT -> {
                invocation.refusal = verdict.reason();
                yield fatal(verdict.message());
            }
        };
    }
}
