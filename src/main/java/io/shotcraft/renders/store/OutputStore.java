package io.shotcraft.renders.store;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * Where render outputs are kept, by render id and index. PostgreSQL holds them at this service's size
 * ({@link PostgresOutputStore}); an S3-compatible store can replace it by implementing this interface (and being the
 * one bean of the type), as nothing else reads output bytes.
 */
public interface OutputStore {

    /** Stores an output; storing the same render and index again replaces it. */
    Uni<Void> put(UUID renderId, int index, StoredOutput output);

    /** The output, or a null item when there is none. */
    Uni<StoredOutput> get(UUID renderId, int index);
}
