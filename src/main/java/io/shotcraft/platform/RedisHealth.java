package io.shotcraft.platform;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;

/**
 * Redis as a wellness check ({@code /q/health/well}, and in {@code /q/health}), not a readiness one: without Redis the
 * result cache is bypassed and every synchronous endpoint keeps answering, while job and stream calls answer 503.
 * Taking every pod out of service for a Redis blip (all pods share it) would turn a partial outage into a full one.
 */
@Wellness
@ApplicationScoped
public class RedisHealth implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final ReactiveRedisDataSource redis;

    public RedisHealth(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.execute("PING")
                .ifNoItem().after(TIMEOUT).fail()
                .map(pong -> HealthCheckResponse.up("redis"))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("redis").down()
                        .withData("reason", failure instanceof io.smallrye.mutiny.TimeoutException ? "timeout" : "unreachable")
                        .build());
    }
}
