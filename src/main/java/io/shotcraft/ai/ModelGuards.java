package io.shotcraft.ai;

import java.net.ConnectException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkus.logging.Log;
import io.shotcraft.ai.LlmFailure.Reason;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Vertx;

/**
 * Fault tolerance of model calls, one set per task and model (SmallRye Fault Tolerance, programmatic guards built from
 * {@link TaskSettings}): a circuit breaker around the whole call, so a failing task or model never opens the breaker
 * of another; the run's deadline (its task's {@code timeout}, for every attempt and repair of one request together:
 * an attempt gets what is left of it, and a call that reaches it is not retried); and the one retry layer of the
 * service: 5xx, 429 and unreachable endpoints up to {@code max-retries} times with exponential backoff and jitter, or
 * after what {@code Retry-After} asks (giving up when that is longer than {@code max-backoff} or than what is left of
 * the deadline). langchain4j's own retry is switched off ({@link ModelClientRetriesOff}).
 */
@ApplicationScoped
public class ModelGuards {

    private record Guards(String name, Guard breaker, Duration delay) {
    }

    private final AiConfig config;
    private final Vertx vertx;
    private final Map<String, Guards> guards = new ConcurrentHashMap<>();
    private final Map<String, Long> openedAt = new ConcurrentHashMap<>();

    public ModelGuards(AiConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    /**
     * Whether the breaker of this task and model is open and its delay has not passed: the call would be refused
     * anyway, so the caller can answer offline without preparing it.
     */
    public boolean open(TaskSettings settings) {
        var existing = guards.get(key(settings));
        if (existing == null) {
            return false;
        }
        Long since = openedAt.get(existing.name());
        if (since == null || System.nanoTime() - since >= existing.delay().toNanos()) {
            return false;
        }
        try {
            return CircuitBreakerMaintenance.get().currentState(existing.name()) == CircuitBreakerState.OPEN;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** Runs one model call under the guards of its task and model; failures come out as {@link LlmFailure}. */
    ChatResponse call(Invocation invocation, Callable<ChatResponse> attempt) {
        var guard = guards.computeIfAbsent(key(invocation.settings), k -> build(invocation.settings));
        try {
            return guard.breaker().call(() -> retrying(invocation, attempt, 1), ChatResponse.class);
        } catch (Exception e) {
            throw classify(e);
        }
    }

    private ChatResponse retrying(Invocation invocation, Callable<ChatResponse> attempt, int number) throws Exception {
        while (true) {
            var left = invocation.remaining();
            if (left.isNegative() || left.isZero()) {
                throw new LlmFailure(Reason.TIMEOUT, "The model did not answer within the task's timeout");
            }
            try {
                return withDeadline(attempt, left);
            } catch (Exception e) {
                var failure = classify(e);
                var wait = retryAfter(invocation, failure, number);
                if (wait == null || wait.compareTo(invocation.remaining()) >= 0) {
                    throw failure;
                }
                Log.debugf("%s: model call failed (%s), attempt %d; retrying in %d ms", invocation.settings.task(),
                        failure.reason().wire(), number, wait.toMillis());
                Thread.sleep(wait.toMillis());
                number++;
            }
        }
    }

    /**
     * One attempt, interrupted when {@code left} has passed (the call is blocking, on a worker thread). The interrupt
     * is sent only while the attempt runs and is cleared before this returns, so it never reaches later work.
     */
    private ChatResponse withDeadline(Callable<ChatResponse> attempt, Duration left) throws Exception {
        var thread = Thread.currentThread();
        var state = new AtomicInteger(RUNNING);
        var interrupted = new CountDownLatch(1);
        long timer = vertx.setTimer(Math.max(1, left.toMillis()), id -> {
            if (state.compareAndSet(RUNNING, EXPIRED)) {
                thread.interrupt();
                interrupted.countDown();
            }
        });
        try {
            return attempt.call();
        } catch (Exception e) {
            if (state.get() == EXPIRED) {
                throw new LlmFailure(Reason.TIMEOUT, "The model did not answer within the task's timeout");
            }
            throw e;
        } finally {
            if (!state.compareAndSet(RUNNING, DONE)) {
                // Expired: wait for the interrupt to have been sent, then clear it (waiting may itself be woken by it).
                while (true) {
                    try {
                        interrupted.await();
                        break;
                    } catch (InterruptedException expected) {
                        // the deadline's interrupt, consumed
                    }
                }
                Thread.interrupted();
            }
            vertx.cancelTimer(timer);
        }
    }

    /** How long to wait before the next attempt, or null when the failure is not retried. */
    private Duration retryAfter(Invocation invocation, LlmFailure failure, int attempt) {
        if (!failure.reason().retryable()) {
            return null;
        }
        if (failure.reason() == Reason.TIMEOUT) {
            // The attempt had what was left of the deadline: there is no time for another.
            return null;
        }
        if (attempt > invocation.settings.maxRetries()) {
            return null;
        }
        return backoff(attempt, failure.retryAfter());
    }

    /** Exponential backoff with jitter, or what Retry-After asks; null when that is longer than we wait. */
    Duration backoff(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(config.maxBackoff()) > 0 ? null : retryAfter;
        }
        long base = config.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, config.maxBackoff().toMillis()));
    }

    private Guards build(TaskSettings settings) {
        var name = "shotcraft-ai:" + key(settings);
        var breaker = Guard.create().withDescription(name)
                .withCircuitBreaker().name(name)
                .requestVolumeThreshold(settings.breakerRequestVolumeThreshold())
                .failureRatio(settings.breakerFailureRatio())
                .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(1)
                .onStateChange(state -> stateChanged(name, state))
                .done().build();
        return new Guards(name, breaker, settings.breakerDelay());
    }

    private void stateChanged(String name, CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openedAt.put(name, System.nanoTime());
            Log.warnf("%s: circuit breaker opened; the offline engine answers until a trial call succeeds", name);
        } else {
            openedAt.remove(name);
            Log.infof("%s: circuit breaker %s", name, state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private static String key(TaskSettings settings) {
        return settings.task() + ":" + settings.model();
    }

    private static Reason reason(int status) {
        if (status == 429) {
            return Reason.RATE_LIMITED;
        }
        if (status == 408) {
            return Reason.TIMEOUT;
        }
        return status >= 500 ? Reason.SERVER_ERROR : Reason.CLIENT_ERROR;
    }

    /** The failure a model call's exception stands for, whatever layer wrapped it. */
    static LlmFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LlmFailure failure) {
                return failure;
            }
            if (t instanceof CircuitBreakerOpenException) {
                return new LlmFailure(Reason.CIRCUIT_OPEN, "The circuit breaker of this task and model is open");
            }
            if (t instanceof TimeoutException) {
                return new LlmFailure(Reason.TIMEOUT, "The model did not answer in time");
            }
            if (t instanceof ModelErrorFilter.ModelHttpError http) {
                return new LlmFailure(reason(http.status()), http.getMessage(), http.retryAfter());
            }
            if (t instanceof HttpException http) {
                return new LlmFailure(reason(http.statusCode()), "HTTP " + http.statusCode() + " from the model endpoint");
            }
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException) {
                return new LlmFailure(Reason.UNREACHABLE, "The model endpoint cannot be reached: " + t.getMessage());
            }
            var name = t.getClass().getSimpleName();
            if (name.contains("Timeout") || t instanceof java.net.SocketTimeoutException) {
                return new LlmFailure(Reason.TIMEOUT, "The model endpoint timed out: " + t.getMessage());
            }
        }
        Log.debugf(error, "Model call failed unexpectedly");
        return new LlmFailure(Reason.ERROR, "The model call failed: " + error);
    }
}
