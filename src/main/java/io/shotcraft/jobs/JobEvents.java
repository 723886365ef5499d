package io.shotcraft.jobs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamRange;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.smallrye.mutiny.Uni;

/**
 * Job events in one capped Redis stream per job ({@code shotcraft:job:<id>:events}). Any pod can read any
 * job's stream; subscribers on the publishing pod are woken at once, others find new events by polling.
 */
@ApplicationScoped
public class JobEvents {

    private static final String FIELD_NAME = "name";
    private static final String FIELD_DATA = "data";

    private final ReactiveRedisDataSource redis;
    private final ReactiveStreamCommands<String, String, String> streams;
    private final ReactiveKeyCommands<String> keys;
    private final JobsConfig config;
    private final Map<UUID, Set<Runnable>> listeners = new ConcurrentHashMap<>();

    public JobEvents(ReactiveRedisDataSource redis, JobsConfig config) {
        this.redis = redis;
        this.streams = redis.stream(String.class, String.class, String.class);
        this.keys = redis.key(String.class);
        this.config = config;
    }

    static String key(UUID jobId) {
        return "shotcraft:job:" + jobId + ":events";
    }

    /** Appends an event and returns its id; a terminal event also starts the stream's time to live. */
    public Uni<String> append(UUID jobId, String name, String data) {
        var args = new XAddArgs().maxlen(config.eventsMaxLength()).nearlyExactTrimming();
        Uni<String> added = streams.xadd(key(jobId), args, Map.of(FIELD_NAME, name, FIELD_DATA, data));
        if (JobEvent.COMPLETED.equals(name) || JobEvent.FAILED.equals(name)) {
            added = added.call(() -> keys.expire(key(jobId), config.eventsTtl()));
        }
        return bounded(added).invoke(() -> wake(jobId));
    }

    /** Up to {@code count} events after {@code afterId} (from the first one when {@code afterId} is null). */
    public Uni<List<JobEvent>> after(UUID jobId, String afterId, int count) {
        var range = StreamRange.of(afterId == null ? "-" : "(" + afterId, "+");
        return bounded(streams.xrange(key(jobId), range, count))
                .map(messages -> messages.stream()
                        .map(m -> new JobEvent(m.id(), m.payload().get(FIELD_NAME), m.payload().get(FIELD_DATA)))
                        .toList());
    }

    /** Calls {@code listener} the next time an event of this job is appended on this pod. */
    Runnable onAppend(UUID jobId, Runnable listener) {
        listeners.computeIfAbsent(jobId, id -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(jobId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private void wake(UUID jobId) {
        var set = listeners.get(jobId);
        if (set != null) {
            set.forEach(Runnable::run);
        }
    }

    private <T> Uni<T> bounded(Uni<T> call) {
        return RedisCalls.bounded(call, config.redisTimeout());
    }
}
