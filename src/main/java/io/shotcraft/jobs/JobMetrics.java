package io.shotcraft.jobs;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Jobs by kind and outcome, job duration, running jobs and open SSE streams on this pod. */
@ApplicationScoped
public class JobMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final Counter refused;
    private final Counter cut;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("shotcraft.jobs.running", running, AtomicInteger::get)
                .description("Jobs running on this pod").register(registry);
        Gauge.builder("shotcraft.sse.streams.open", openStreams, AtomicInteger::get)
                .description("Open job event streams (SSE) on this pod").register(registry);
        refused = Counter.builder("shotcraft.sse.streams.refused")
                .description("Event streams refused (429) because the pod had its most open").register(registry);
        cut = Counter.builder("shotcraft.sse.streams.cut")
                .description("Event streams ended with stream_error (Redis failed, or the client fell behind the kept events)")
                .register(registry);
    }

    void started(String kind) {
        running.incrementAndGet();
        Counter.builder("shotcraft.jobs.started").tag("kind", kind).register(registry).increment();
    }

    void stopped() {
        running.decrementAndGet();
    }

    void finished(String kind, JobStatus outcome, Duration took) {
        Counter.builder("shotcraft.jobs.finished").description("Jobs by kind and outcome")
                .tag("kind", kind).tag("outcome", outcome.wire()).register(registry).increment();
        Timer.builder("shotcraft.jobs.duration").description("Time from start to end of a job")
                .tag("kind", kind).tag("outcome", outcome.wire()).publishPercentileHistogram()
                .register(registry).record(took);
    }

    void streamOpened() {
        openStreams.incrementAndGet();
    }

    void streamClosed() {
        openStreams.decrementAndGet();
    }

    void streamRefused() {
        refused.increment();
    }

    void streamCut() {
        cut.increment();
    }
}
