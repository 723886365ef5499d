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
import io.vertx.core.Vertx;

/**
 * No job stays queued or running forever: every {@code sweep-interval}, each instance fails the active jobs whose
 * runner has not written its heartbeat for {@code lost-after} (a crashed or restarted instance, an outage of
 * PostgreSQL when the job ended), except those it runs itself. The status change is conditional, so with several
 * instances only one fails a job and ends its stream.
 */
@ApplicationScoped
public class JobSweeper {

    private static final int BATCH = 100;

    private final JobService jobs;
    private final JobRepository repository;
    private final JobsConfig config;
    private final Vertx vertx;
    private long timer = -1;
    private volatile boolean sweeping;

    public JobSweeper(JobService jobs, JobRepository repository, JobsConfig config, Vertx vertx) {
        this.jobs = jobs;
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
                    .onItem().transformToMulti(silent -> Multi.createFrom().iterable(silent))
                    .filter(job -> !jobs.runsHere(job.id))
                    .onItem().transformToUniAndConcatenate(jobs::lose)
                    .collect().asList()
                    .subscribe().with(done -> sweeping = false, failure -> {
                        sweeping = false;
                        Log.debugf("Lost-job sweep not done (%s)", failure.toString());
                    });
        });
    }
}
