package io.shotcraft.ai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Model answers in Redis, keyed by task, model, prompt version and a hash of the canonical input (and seed).
 * Redis trouble never fails a request: the cache is then skipped, and the error is metered.
 */
@ApplicationScoped
public class AiCache {

    /** What is cached: the validated JSON answer and what made it. */
    @RegisterForReflection
    public record Entry(JsonNode json, String model, int tokensIn, int tokensOut) {
    }

    private final ReactiveValueCommands<String, String> values;
    private final AiConfig.Cache config;
    private final ObjectMapper json;
    private final ObjectMapper canonical;
    private final AiMetrics metrics;

    public AiCache(ReactiveRedisDataSource redis, AiConfig config, ObjectMapper json, AiMetrics metrics) {
        this.values = redis.value(String.class, String.class);
        this.config = config.cache();
        this.json = json;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.metrics = metrics;
    }

    public String key(String task, String model, String promptVersion, Object input, Integer seed) {
        try {
            var material = model + "\n" + promptVersion + "\n" + canonical.writeValueAsString(input)
                    + "\n" + (seed == null ? "" : seed);
            var digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return "shotcraft:ai:" + task + ":" + HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cache key could not be made", e);
        }
    }

    /** The cached entry, or a null item on a miss, when caching is off, or when Redis is in trouble. */
    public Uni<Entry> get(String task, String key) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return values.get(key)
                .ifNoItem().after(config.timeout()).fail()
                .map(text -> {
                    if (text == null) {
                        metrics.cache(task, "miss");
                        return null;
                    }
                    metrics.cache(task, "hit");
                    return read(text);
                })
                .onFailure().recoverWithItem(e -> {
                    metrics.cache(task, "error");
                    Log.debugf("Result cache skipped for %s: %s", task, e.toString());
                    return null;
                });
    }

    public Uni<Void> put(String task, String key, Entry entry) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        try {
            return values.setex(key, config.ttl().toSeconds(), json.writeValueAsString(entry))
                    .ifNoItem().after(config.timeout()).fail()
                    .onFailure().recoverWithItem(e -> {
                        metrics.cache(task, "error");
                        return null;
                    })
                    .replaceWithVoid();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().voidItem();
        }
    }

    private Entry read(String text) {
        try {
            return json.readValue(text, Entry.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
