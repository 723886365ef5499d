package io.shotcraft.jobs;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.shotcraft.platform.ProblemException;
import io.shotcraft.platform.ProblemMappers;
import io.shotcraft.platform.QueryParams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A job's events as a stream for one subscriber: the replay from the first event (or the one after
 * {@code Last-Event-ID}), then live events, ending after the terminal event. Items with a null name are
 * keep-alive ticks.
 */
@ApplicationScoped
public class JobStreamer {

    /** A keep-alive tick, sent as an SSE comment line. */
    public static final JobEvent KEEP_ALIVE = new JobEvent(null, null, null);

    private static final Pattern EVENT_ID = Pattern.compile("\\d{1,20}-\\d{1,20}");
    /** How soon a client cut off by a store failure should reconnect (the SSE {@code retry} of {@code stream_error}). */
    static final Duration RECONNECT = Duration.ofSeconds(2);

    private final JobService jobs;
    private final JobEvents events;
    private final JobFeeds feeds;

    public JobStreamer(JobService jobs, JobEvents events, JobFeeds feeds) {
        this.jobs = jobs;
        this.events = events;
        this.feeds = feeds;
    }

    /** Redis stream ids: two unsigned 64-bit numbers; a larger one makes Redis refuse the read. */
    private static boolean isEventId(String id) {
        if (!EVENT_ID.matcher(id).matches()) {
            return false;
        }
        var parts = id.split("-");
        try {
            Long.parseUnsignedLong(parts[0]);
            Long.parseUnsignedLong(parts[1]);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** What a subscriber gets: the events to send, or nothing at all when it has already seen the end. */
    public record Subscription(Multi<JobEvent> events, boolean alreadyEnded) {
    }

    /** Fails with 404 for an unknown job and 400 for a malformed {@code Last-Event-ID}. */
    public Uni<Subscription> subscribe(UUID jobId, String lastEventId) {
        if (lastEventId != null && !isEventId(lastEventId)) {
            throw QueryParams.invalid("Last-Event-ID", "must be an event id such as 1700000000000-0");
        }
        feeds.admit();
        return jobs.find(jobId).chain(job -> {
            if (job == null) {
                throw ProblemException.notFound("No job " + jobId);
            }
            if (!job.status.terminal()) {
                return Uni.createFrom().item(new Subscription(follow(jobId, lastEventId), false));
            }
            // An ended job: everything is in Redis already, unless its events have expired. With Redis down, its end
            // is still known from its record: that is what the stream gives, rather than a 503.
            return events.after(jobId, lastEventId, 1)
                    .onFailure(ProblemMappers::isUnavailable).recoverWithItem(() -> null)
                    .map(next -> ended(job, lastEventId, next));
        });
    }

    /** An ended job's stream: its events, nothing (the client saw the end), or its end from its record. */
    private Subscription ended(Job job, String lastEventId, List<JobEvent> next) {
        if (next == null) {
            return new Subscription(Multi.createFrom().item(fromRecord(job)), false);
        }
        if (!next.isEmpty()) {
            return new Subscription(follow(job.id, lastEventId), false);
        }
        if (lastEventId != null) {
            return new Subscription(Multi.createFrom().empty(), true);
        }
        return new Subscription(Multi.createFrom().item(fromRecord(job)), false);
    }

    /** The terminal event rebuilt from the job row, for a job whose stream has expired. */
    static JobEvent fromRecord(Job job) {
        if (job.status == JobStatus.SUCCEEDED) {
            var data = "{\"job_id\":\"" + job.id + "\",\"status\":\"succeeded\",\"result\":"
                    + (job.result == null ? "null" : job.result) + "}";
            return new JobEvent("0-1", JobEvent.COMPLETED, data);
        }
        return new JobEvent("0-1", JobEvent.FAILED, job.error == null ? "{}" : job.error);
    }

    private Multi<JobEvent> follow(UUID jobId, String after) {
        return feeds.follow(jobId, after);
    }

    /**
     * The last event of a stream cut short: no id (so {@code Last-Event-ID} stays the last real event), the reason,
     * how soon to reconnect, and the id to resume after.
     */
    static JobEvent streamError(String reason, String resumeAfter) {
        var resume = resumeAfter == null ? "null" : "\"" + resumeAfter + "\"";
        return new JobEvent(null, JobEvent.STREAM_ERROR, "{\"reason\":\"" + reason + "\",\"retry_ms\":" + RECONNECT.toMillis()
                + ",\"last_event_id\":" + resume + "}");
    }
}
