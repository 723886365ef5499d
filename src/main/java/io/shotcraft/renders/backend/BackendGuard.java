package io.shotcraft.renders.backend;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import io.quarkus.logging.Log;
import io.shotcraft.renders.RendersConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The fault tolerance of one backend: a circuit breaker (SmallRye Fault Tolerance, named
 * {@code shotcraft-renders:<backend>}) around retries that honour {@code Retry-After}. The retries are Mutiny's
 * timers, not an annotation, because {@code @Retry} cannot read the delay a 429 or 503 asks for; they never hold a
 * thread. A call that creates a render is retried only when it surely was not accepted (429, 503, no connection),
 * so a timed-out creation is never sent twice; reads are retried on any 5xx too. The breaker counts only what says the
 * backend is unwell (5xx, timeouts, no connection), not refused requests or rate limits.
 */
public final class BackendGuard {

    private static final TypeLiteral<Uni<Object>> UNI = new TypeLiteral<>() {
    };

    private final String backend;
    private final RendersConfig.Backend config;
    private final Guard breaker;

    public BackendGuard(String backend, RendersConfig.Backend config) {
        this.backend = backend;
        this.config = config;
        var name = breakerName(backend);
        this.breaker = Guard.create().withDescription(name)
                .withCircuitBreaker().name(name)
                .requestVolumeThreshold(config.breaker().requestVolumeThreshold())
                .failureRatio(config.breaker().failureRatio())
                .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .when(error -> HttpFailures.classify(backend, error).reason().breaks())
                .onStateChange(state -> stateChanged(name, state))
                .done().build();
    }

    public static String breakerName(String backend) {
        return "shotcraft-renders:" + backend;
    }

    /** A call that creates something at the backend: retried only when it surely was not accepted. */
    public <T> Uni<T> create(String what, Supplier<Uni<T>> call) {
        return guarded(what, false, call);
    }

    /** A call that reads or cancels: retried on 429, 5xx and lost connections. */
    public <T> Uni<T> read(String what, Supplier<Uni<T>> call) {
        return guarded(what, true, call);
    }

    @SuppressWarnings("unchecked")
    private <T> Uni<T> guarded(String what, boolean idempotent, Supplier<Uni<T>> call) {
        Supplier<Uni<Object>> attempts = () -> (Uni<Object>) retrying(what, idempotent, call, 1);
        return (Uni<T>) breaker.get(attempts, UNI).onFailure().transform(e -> HttpFailures.classify(backend, e));
    }

    private <T> Uni<T> retrying(String what, boolean idempotent, Supplier<Uni<T>> call, int attempt) {
        return Uni.createFrom().<T> deferred(() -> call.get())
                .onFailure().transform(e -> HttpFailures.classify(backend, e))
                .onFailure().recoverWithUni(error -> {
                    var failure = (BackendFailure) error;
                    var wait = waitBefore(failure, idempotent, attempt);
                    if (wait == null) {
                        return Uni.createFrom().failure(tooLong(failure));
                    }
                    Log.debugf("Backend %s: %s failed (%s), attempt %d; retrying in %d ms", backend, what,
                            failure.reason().wire(), attempt, wait.toMillis());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                            .chain(() -> retrying(what, idempotent, call, attempt + 1));
                });
    }

    /** How long to wait before the next attempt, or null when there is none. */
    Duration waitBefore(BackendFailure failure, boolean idempotent, int attempt) {
        if (attempt > config.maxRetries() || !retryable(failure, idempotent)) {
            return null;
        }
        if (failure.retryAfter() != null) {
            return failure.retryAfter().compareTo(config.maxRetryWait()) > 0 ? null : failure.retryAfter();
        }
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, config.maxRetryWait().toMillis()));
    }

    private static boolean retryable(BackendFailure failure, boolean idempotent) {
        if (!failure.reason().retryable()) {
            return false;
        }
        // A creation answered 500 may have been accepted; 503 and 429 say it was not.
        return idempotent || failure.reason() != BackendFailure.Reason.SERVER_ERROR || failure.retryAfter() != null
                || failure.getMessage().startsWith("HTTP 503");
    }

    /** A Retry-After longer than we wait says so, rather than the bare status. */
    private BackendFailure tooLong(BackendFailure failure) {
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(config.maxRetryWait()) > 0) {
            return new BackendFailure(backend, failure.reason(), failure.getMessage() + " (asked to retry after "
                    + failure.retryAfter().toSeconds() + " s, longer than this service waits)", failure.retryAfter());
        }
        return failure;
    }

    private static void stateChanged(String name, CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            Log.warnf("%s: circuit breaker opened; renders on this backend fail at once until a trial call succeeds", name);
        } else {
            Log.infof("%s: circuit breaker %s", name, state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }
}
