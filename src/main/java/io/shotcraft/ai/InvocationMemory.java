package io.shotcraft.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;

/**
 * The chat memory of every task's AI service: the messages of the current {@link Invocation} only. A task's AI service
 * has no memory id, so the library keeps one memory object for all calls; its content lives in the invocation, so
 * concurrent requests never see each other's messages, and nothing outlives the run. The output guardrail's repair
 * needs a memory: the rejected answer and the repair request are added to it.
 */
@ApplicationScoped
public class InvocationMemory implements Supplier<ChatMemoryProvider> {

    private static final ChatMemory MEMORY = new ChatMemory() {
        @Override
        public Object id() {
            return "invocation";
        }

        @Override
        public void add(ChatMessage message) {
            var messages = live();
            if (message instanceof SystemMessage) {
                messages.removeIf(SystemMessage.class::isInstance);
                messages.addFirst(message);
            } else {
                messages.add(message);
            }
        }

        /** A copy, as the library's own memories give: callers add to it what they send next. */
        @Override
        public List<ChatMessage> messages() {
            return new ArrayList<>(live());
        }

        private List<ChatMessage> live() {
            var invocation = Invocation.current();
            if (invocation == null) {
                throw new IllegalStateException("An AI task's service was called outside AiTaskRunner");
            }
            return invocation.memory;
        }

        /** Outside a run (the library clears memories when the service's bean is destroyed) there is nothing to clear. */
        @Override
        public void clear() {
            var invocation = Invocation.current();
            if (invocation != null) {
                invocation.memory.clear();
            }
        }
    };

    @Override
    public ChatMemoryProvider get() {
        return id -> MEMORY;
    }
}
