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

    /** A queued or running job not heard of for this long has lost its runner: it is failed with that reason. */
    @WithDefault("PT60S")
    Duration lostAfter();

    /** How often this instance looks for lost jobs. */
    @WithDefault("PT15S")
    Duration sweepInterval();

    /** Longest wait for Redis before an API call answers 503. */
    @WithDefault("PT2S")
    Duration redisTimeout();
}
