package io.shotcraft.renders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A render's record when its job is started again (the job queue re-runs a job whose runner stopped): the earlier
 * attempt's backend id and outputs are cleared and its creation time kept; a render that has ended is not restarted.
 */
@QuarkusTest
class RenderRecordTest {

    @Inject
    RenderRepository repository;

    @Inject
    Pool pool;

    @Test
    void aRenderStartedAgainForgetsItsEarlierAttemptButNotAnEnd() {
        var render = new Render();
        render.id = UUID.randomUUID();
        render.backend = "predictions";
        render.model = "m";
        render.inputs = "{\"prompt\":\"a fox\"}";
        render.startedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        assertThat(repository.start(render).await().indefinitely()).isTrue();
        var created = row(render.id).getOffsetDateTime("created_at");

        sql("update render set backend_id = 'p-1', backend_status = 'processing', outputs = '[]' where id = $1", render.id);
        render.startedAt = render.startedAt.plusSeconds(5);
        assertThat(repository.start(render).await().indefinitely()).isTrue();
        var again = row(render.id);
        assertThat(again.getString("status")).isEqualTo("running");
        assertThat(again.getString("backend_id")).isNull();
        assertThat(again.getString("backend_status")).isNull();
        assertThat(again.getString("outputs")).isNull();
        assertThat(again.getOffsetDateTime("created_at")).isEqualTo(created);
        assertThat(again.getOffsetDateTime("started_at")).isAfter(created);

        sql("update render set status = 'succeeded', outputs = '[]' where id = $1", render.id);
        assertThat(repository.start(render).await().indefinitely()).isFalse();
        assertThat(row(render.id).getString("status")).isEqualTo("succeeded");
        assertThat(row(render.id).getString("outputs")).isEqualTo("[]");
    }

    private void sql(String statement, UUID id) {
        pool.preparedQuery(statement).execute(Tuple.of(id)).await().indefinitely();
    }

    private Row row(UUID id) {
        return pool.preparedQuery("select * from render where id = $1").execute(Tuple.of(id)).await().indefinitely()
                .iterator().next();
    }
}
