package io.shotcraft.tuning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemType;
import io.shotcraft.platform.Uncancellable;
import io.smallrye.mutiny.Uni;

/**
 * Sessions and their append-only revisions. Appending is optimistic: it moves the session from the
 * revision the edit read to the next one, and fails with 409 when another edit got there first, so
 * revision numbers stay contiguous and no update is lost.
 */
@ApplicationScoped
public class TuningRepository {

    public Uni<TuningSession> session(UUID id) {
        return read(() -> TuningSession.<TuningSession> findById(id));
    }

    public Uni<TuningRevision> revision(UUID sessionId, int number) {
        return read(() -> TuningRevision.<TuningRevision> findById(new TuningRevision.Key(sessionId, number)));
    }

    /** The latest revision, or a null item when there is no such session. */
    public Uni<TuningRevision> latest(UUID sessionId) {
        return read(() -> TuningRevision.<TuningRevision> find("sessionId = ?1 order by number desc", sessionId)
                .firstResult());
    }

    public Uni<List<TuningRevision>> history(UUID sessionId) {
        return read(() -> TuningRevision.<TuningRevision> list("sessionId", Sort.by("number"), sessionId));
    }

    /** Most recently updated first; after the (updatedAt, id) cursor when one is given. */
    public Uni<List<TuningSession>> page(int limit, OffsetDateTime beforeUpdated, UUID beforeId) {
        return read(() -> {
            if (beforeUpdated == null) {
                return TuningSession.<TuningSession> find("order by updatedAt desc, id desc").page(0, limit).list();
            }
            return TuningSession.<TuningSession> find(
                    "updatedAt < :at or (updatedAt = :at and id < :id) order by updatedAt desc, id desc",
                    Parameters.with("at", beforeUpdated).and("id", beforeId)).page(0, limit).list();
        });
    }

    public Uni<TuningRevision> create(TuningSession session, TuningRevision first) {
        return write(() -> session.persist().chain(() -> first.persist()).replaceWith(first));
    }

    public Uni<TuningRevision> append(TuningRevision next, OffsetDateTime at) {
        return write(() -> TuningSession.update(
                "revision = :next, updatedAt = :at where id = :id and revision = :read",
                Parameters.with("next", next.number).and("at", at).and("id", next.sessionId).and("read", next.number - 1))
                .chain(moved -> {
                    if (moved == 0) {
                        throw new ProblemException(ProblemType.CONFLICT,
                                "Session " + next.sessionId + " changed while this edit ran; apply it to the latest revision");
                    }
                    return next.persist().replaceWith(next);
                }));
    }

    /** Stores the session's remembered target selections; false when there is no such session. */
    public Uni<Boolean> rememberSelections(UUID id, String selectionsJson) {
        return write(() -> TuningSession.update("targetSelections = ?1 where id = ?2", selectionsJson, id).map(updated -> updated > 0));
    }

    public Uni<Boolean> delete(UUID id) {
        return write(() -> TuningSession.deleteById(id));
    }

    /** A read in its own session, finished even if the client disconnects meanwhile. */
    private static <T> Uni<T> read(Supplier<Uni<T>> work) {
        return Uncancellable.of(() -> Panache.withSession(work));
    }

    /** A transaction that commits or rolls back on its own terms, whatever the client does meanwhile. */
    private static <T> Uni<T> write(Supplier<Uni<T>> work) {
        return Uncancellable.of(() -> Panache.withTransaction(work));
    }
}
