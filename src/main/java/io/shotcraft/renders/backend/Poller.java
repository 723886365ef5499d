package io.shotcraft.renders.backend;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.shotcraft.renders.RendersConfig;
import io.shotcraft.renders.backend.BackendFailure.Reason;
import io.smallrye.mutiny.Uni;

/**
 * Waits for an asynchronous render: reads its state after a wait that grows by {@code poll.factor} up to
 * {@code poll.max}, reports each state, and stops at a final one or at the deadline. The waits are timers: no thread
 * is held while a render runs at its backend, and cancelling the job cancels the pending wait or read.
 */
final class Poller<T> {

    private final String backend;
    private final RendersConfig.Poll poll;
    private final Instant deadline;
    private final Supplier<Uni<T>> read;
    private final Predicate<T> done;
    private final Function<T, Uni<Void>> report;

    Poller(String backend, RendersConfig.Poll poll, Duration deadline, Supplier<Uni<T>> read, Predicate<T> done,
            Function<T, Uni<Void>> report) {
        this.backend = backend;
        this.poll = poll;
        this.deadline = Instant.now().plus(deadline);
        this.read = read;
        this.done = done;
        this.report = report;
    }

    /** The first final state. */
    Uni<T> run() {
        return after(poll.initial());
    }

    private Uni<T> after(Duration wait) {
        var left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return Uni.createFrom().failure(new BackendFailure(backend, Reason.DEADLINE,
                    "the render did not finish within its deadline"));
        }
        var next = Duration.ofMillis(Math.min(poll.max().toMillis(), (long) Math.ceil(wait.toMillis() * poll.factor())));
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait.compareTo(left) < 0 ? wait : left)
                .chain(() -> read.get())
                .call(state -> report.apply(state))
                .chain(state -> done.test(state) ? Uni.createFrom().item(state) : after(next));
    }
}
