package io.shotcraft.ai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.data.message.ChatMessage;

/**
 * One run of a task against the model: what the AI layer's model, memory and guardrail need to know while the task's
 * declarative AI service runs (they are called on the same thread, inside {@link #run}), and what every model call of
 * the run cost, repairs and rejected answers included.
 */
final class Invocation {

    private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

    final AiTask<?, ?> task;
    final Object input;
    final TaskSettings settings;
    final AiCall call;
    final BigDecimal cap;
    final TaskTuning.PromptVersion prompt;
    /** The conversation of this run only: the system and user message, a rejected answer and the repair request. */
    final List<ChatMessage> memory = new ArrayList<>();

    int calls;
    int tokensIn;
    int tokensOut;
    int tokensEstimated;
    BigDecimal cost = BigDecimal.ZERO;
    /** The model that answered last (the endpoint's name for it), or the one asked when none answered. */
    String model;
    /** The last answer, parsed and checked against its schema, so the guardrail reads it without parsing it again. */
    JsonNode answer;
    /** Why the task's checks refused the last answer, when they did. */
    String refusal;
    /** When the run's model part must be over: its task's timeout after it began, for every attempt and repair. */
    final long deadline;
    /** Whether pieces of a streamed answer were handed on since the last reset. */
    boolean delivered;

    Invocation(AiTask<?, ?> task, Object input, TaskSettings settings, AiCall call, BigDecimal cap,
            TaskTuning.PromptVersion prompt) {
        this.task = task;
        this.input = input;
        this.settings = settings;
        this.call = call;
        this.cap = cap;
        this.prompt = prompt;
        this.model = settings.model();
        this.deadline = System.nanoTime() + settings.timeout().toNanos();
    }

    /** What is left of the run's deadline (zero or less: none). */
    Duration remaining() {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    /** The invocation the current thread runs, or null outside one. */
    static Invocation current() {
        return CURRENT.get();
    }

    <T> T run(java.util.function.Supplier<T> work) {
        var previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    void spent(String answeredBy, int in, int out, BigDecimal price) {
        calls++;
        tokensIn += in;
        tokensOut += out;
        cost = cost.add(price);
        if (answeredBy != null) {
            model = answeredBy;
        }
    }

    Usage usage() {
        return new Usage(tokensIn, tokensOut, cost);
    }

    BigDecimal remainingCap() {
        return cap.subtract(cost);
    }

    /** A streamed answer is about to be replaced: the pieces already handed on are void. */
    void resetPartials() {
        if (delivered && call.partials() != null) {
            call.partials().reset();
        }
        delivered = false;
    }
}
