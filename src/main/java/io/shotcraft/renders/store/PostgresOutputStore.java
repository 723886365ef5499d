package io.shotcraft.renders.store;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.platform.Uncancellable;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Outputs in PostgreSQL ({@code render_output.data}, bytea), through the reactive SQL client rather than Hibernate: an
 * output is written and read whole, once, and never belongs in a session's cache.
 */
@ApplicationScoped
public class PostgresOutputStore implements OutputStore {

    private final Pool pool;

    public PostgresOutputStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Void> put(UUID renderId, int index, StoredOutput output) {
        return Uncancellable.of(() -> pool.preparedQuery("""
                insert into render_output (render_id, index, content_type, size, sha256, data) values ($1, $2, $3, $4, $5, $6)
                on conflict (render_id, index) do update set content_type = excluded.content_type, size = excluded.size,
                    sha256 = excluded.sha256, data = excluded.data""")
                .execute(Tuple.from(new Object[] { renderId, index, output.contentType(), (long) output.bytes().length,
                        output.sha256(), Buffer.buffer(output.bytes()) }))
                .replaceWithVoid());
    }

    @Override
    public Uni<StoredOutput> get(UUID renderId, int index) {
        return Uncancellable.of(() -> pool.preparedQuery("select content_type, sha256, data from render_output where render_id = $1 and index = $2")
                .execute(Tuple.of(renderId, index))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return null;
                    }
                    var row = it.next();
                    return new StoredOutput(row.getBuffer("data").getBytes(), row.getString("content_type"), row.getString("sha256"));
                }));
    }
}
