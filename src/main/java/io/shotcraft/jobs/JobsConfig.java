package io.shotcraft.jobs;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Job settings ({@code shotcraft.jobs.*}); each can be overridden by an environment variable (SHOTCRAFT_JOBS_…). */
@ConfigMapping(prefix = "shotcraft.jobs")
public interface JobsConfig {

    /** Longest a job's event stream may grow; older events are trimmed. */
    @WithDefault("10000")
    long eventsMaxLength();

    /** How long a finished job's events stay replayable. */
    @WithDefault("P1D")
    Duration eventsTtl();

    /** How often a subscriber looks for events another pod published (same-pod events arrive at once). */
    @WithDefault("PT0.25S")
    Duration pollInterval();

    /** Interval of the comment line that keeps idle SSE streams open through proxies. */
    @WithDefault("PT15S")
    Duration keepAlive();

    /** Event streams open at once on one instance; one more is refused with 429 and Retry-After. */
    @WithDefault("5000")
    int maxStreams();

    /** How often a running job's runner writes its heartbeat. */
    @WithDefault("PT10S")
    Duration heartbeatInterval();

    /**
     * A running job not heard of for this long, or a queued one waiting this long, whose queue entry is gone (Redis lost
     * it): it is queued again, or failed with the reason once it has been started {@code queue.max-attempts} times.
     */
    @WithDefault("PT60S")
    Duration lostAfter();

    /** How often this instance looks for lost jobs. */
    @WithDefault("PT15S")
    Duration sweepInterval();

    /** Longest wait for Redis before an API call answers 503. */
    @WithDefault("PT2S")
    Duration redisTimeout();

    /** The queue all instances take jobs from. */
    Queue queue();

    interface Queue {

        /** The Redis stream holding queued and running jobs. */
        @WithDefault("shotcraft:jobs:queue")
        String key();

        /** The consumer group every instance reads the queue with. */
        @WithDefault("workers")
        String group();

        /** Jobs this instance runs at once; more wait in the queue for any instance's free slot. */
        @WithDefault("32")
        int concurrency();

        /** Jobs waiting or running across all instances; one more is refused with 503 and Retry-After. */
        @WithDefault("10000")
        long maxQueued();

        /**
         * A running job whose entry has not been touched for this long is taken over by another instance (its own
         * touches it every heartbeat-interval, which must be shorter).
         */
        @WithDefault("PT30S")
        Duration claimAfter();

        /** A job started this many times (its runner stopped each time) fails with that reason instead of running again. */
        @WithDefault("3")
        int maxAttempts();

        /** Longest a read of the queue waits for a job before reading again. */
        @WithDefault("PT2S")
        Duration readBlock();

        /** A stopped instance with nothing left pending is forgotten by the group after this long. */
        @WithDefault("PT1H")
        Duration forgetAfter();

        /** Wait before reading again after Redis failed. */
        @WithDefault("PT1S")
        Duration retryDelay();
    }
}
