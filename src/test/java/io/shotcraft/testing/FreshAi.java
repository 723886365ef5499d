package io.shotcraft.testing;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Puts the AI layer back to a known state between tests: no stubbed answers, closed circuit, empty cache. */
@ApplicationScoped
public class FreshAi {

    private final RedisDataSource redis;
    private final CircuitBreakerMaintenance breakers;

    public FreshAi(RedisDataSource redis, CircuitBreakerMaintenance breakers) {
        this.redis = redis;
        this.breakers = breakers;
    }

    public void reset() {
        OpenAiStub.reset();
        breakers.resetAll();
        var keys = redis.key().keys("shotcraft:ai:*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }
}
