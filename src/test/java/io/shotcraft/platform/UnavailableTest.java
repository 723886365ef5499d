package io.shotcraft.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

/** Which failures mean a backing service is unavailable (503, Retry-After), not that the request was wrong (500). */
class UnavailableTest {

    @Test
    void postgresStartingStoppingOrUnreachableIsUnavailable() {
        assertThat(ProblemMappers.isUnavailable(new PgException("the database system is starting up", "FATAL", "57P03", null))).isTrue();
        assertThat(ProblemMappers.isUnavailable(new PgException("terminating connection due to administrator command", "FATAL",
                "57P01", null))).isTrue();
        assertThat(ProblemMappers.isUnavailable(new RuntimeException("wrapped",
                new PgException("connection failure", "FATAL", "08006", null)))).isTrue();
        assertThat(ProblemMappers.isUnavailable(new IllegalStateException("Connection closed"))).isTrue();
        // What the Redis client fails pending commands with when Redis goes away mid-command.
        assertThat(ProblemMappers.isUnavailable(new io.vertx.core.VertxException("CONNECTION_CLOSED", true))).isTrue();
        // And what Netty fails a write with on a channel Redis closed.
        assertThat(ProblemMappers.isUnavailable(new java.nio.channels.ClosedChannelException())).isTrue();
    }

    @Test
    void anErrorOfTheStatementIsNot() {
        assertThat(ProblemMappers.isUnavailable(new PgException("invalid byte sequence", "ERROR", "22021", null))).isFalse();
        assertThat(ProblemMappers.isUnavailable(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
        assertThat(ProblemMappers.isUnavailable(new IllegalArgumentException("bad input"))).isFalse();
    }
}
