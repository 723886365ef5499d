package io.shotcraft.jobs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * No job stays queued or running forever. A job whose runner died is normally taken over through the queue (its entry
 * goes idle and another instance claims it); this sweep is the backstop for a job whose entry is gone (Redis lost it,
 * or was replaced): every {@code sweep-interval}, each instance looks at the active jobs not heard of for
 * {@code lost-after} that have no entry in the queue and are not running here, and queues them again, or fails them
 * with the reason once they were started {@code queue.max-attempts} times. Status changes are conditional, so with
 * several instances only one acts on a job.
 */
@ApplicationScoped
public class JobSweeper {

    private static final int BATCH = 100;

    private final JobService jobs;
    private final JobQueue queue;
    private final JobRepository repository;
    private final JobsConfig config;
    private final Vertx vertx;
    private long timer = -1;
    private volatile boolean sweeping;

    public JobSweeper(JobService jobs, JobQueue queue, JobRepository repository, JobsConfig config, Vertx vertx) {
        this.jobs = jobs;
        this.queue = queue;
        this.repository = repository;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void sweep() {
        if (sweeping) {
            return;
        }
        sweeping = true;
        var context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            var before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.lostAfter());
            Panache.withSession(() -> repository.silentSince(before, BATCH))
                    .chain(silent -> silent.isEmpty() ? Uni.createFrom().item(silent)
                            : queue.queued().map(queued -> silent.stream().filter(job -> !queued.contains(job.id)).toList()))
                    .onItem().transformToMulti(lost -> Multi.createFrom().iterable(lost))
                    .filter(job -> !jobs.runsHere(job.id))
                    .onItem().transformToUniAndConcatenate(jobs::recover)
                    .collect().asList()
                    .subscribe().with(done -> sweeping = false, failure -> {
                        sweeping = false;
                        Log.debugf("Lost-job sweep not done (%s)", failure.toString());
                    });
        });
    }
}
