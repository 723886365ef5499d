package io.shotcraft.jobs;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;

/**
 * Stops an instance without losing work. On SIGTERM, Quarkus marks readiness DOWN and waits
 * {@code quarkus.shutdown.delay} before it stops serving; at the start of that delay this instance takes no new jobs,
 * ends its event streams with {@code stream_error} ({@code shutting_down}) so clients reconnect to another instance,
 * lets running jobs end for all but the last {@link #MARGIN} of the delay, and hands back the rest to the queue,
 * where another instance takes them at once. Without a delay (development, tests) the jobs still running at shutdown
 * are handed back at once.
 */
@ApplicationScoped
public class JobDrain {

    /** Left of the delay for handing back the jobs still running. */
    static final Duration MARGIN = Duration.ofSeconds(2);

    private final JobService jobs;
    private final JobFeeds feeds;
    private final Optional<Duration> delay;
    private volatile boolean drained;

    public JobDrain(JobService jobs, JobFeeds feeds, @ConfigProperty(name = "quarkus.shutdown.delay") Optional<Duration> delay) {
        this.jobs = jobs;
        this.feeds = feeds;
        this.delay = delay;
    }

    void onSignal(@Observes ShutdownDelayInitiatedEvent stopping) {
        var grace = delay.map(d -> d.minus(MARGIN)).filter(d -> !d.isNegative()).orElse(Duration.ZERO);
        Log.infof("Shutting down: no new jobs taken, event streams closed, running jobs have %d s to end", grace.toSeconds());
        drained = true;
        feeds.closeAll();
        jobs.drain(grace).subscribe().with(done -> Log.info("Shutting down: jobs drained"),
                failure -> Log.warnf("Shutting down: jobs not drained (%s)", failure.toString()));
    }

    void onStop(@Observes ShutdownEvent stopping) {
        if (drained) {
            return;
        }
        feeds.closeAll();
        jobs.drain(Duration.ZERO).ifNoItem().after(MARGIN).recoverWithItem((Void) null)
                .onFailure().recoverWithNull().await().atMost(MARGIN.plusSeconds(1));
    }
}
