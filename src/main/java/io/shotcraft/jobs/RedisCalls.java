package io.shotcraft.jobs;

import java.time.Duration;

import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.smallrye.mutiny.Uni;

/** Redis calls of the job runtime, bounded in time: no answer, or no connection, is a 503 problem. */
final class RedisCalls {

    private RedisCalls() {
    }

    static <T> Uni<T> bounded(Uni<T> call, Duration timeout) {
        return call.ifNoItem().after(timeout)
                .failWith(() -> ProblemException.unavailable("Redis did not answer within " + timeout.toMillis() + " ms"))
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(e -> ProblemMappers.isUnavailable(e)
                        ? ProblemException.unavailable("Redis is unavailable: " + e.getMessage())
                        : e);
    }
}
