package io.shotcraft.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shotcraft.testing.Gates;
import io.shotcraft.testing.SseClient;
import io.shotcraft.testing.SseClient.Event;
import io.shotcraft.testing.TestJobs;

/** The job event stream read as raw Server-Sent Events, as a browser's EventSource reads it. */
@QuarkusTest
class JobEventsTest {

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    private URI events(String id) {
        return jobs.resolve(id + "/events");
    }

    private static List<Event> readToEnd(SseClient.EventStream stream) throws Exception {
        return stream.closed.get(20, TimeUnit.SECONDS);
    }

    @Test
    void aFinishedJobIsReplayedInFullThenTheStreamCloses() throws Exception {
        var id = TestJobs.submit(3);
        TestJobs.awaitStatus(id, "succeeded");

        var stream = SseClient.open(events(id), null);
        assertThat(stream.status).isEqualTo(200);
        assertThat(stream.contentType).startsWith("text/event-stream");
        var received = readToEnd(stream);

        assertThat(received).extracting(Event::name)
                .containsExactly("tick", "progress", "tick", "progress", "tick", "progress", "completed");
        assertThat(received).extracting(Event::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(received).extracting(e -> eventOrder(e.id())).isSorted();
        assertThat(JsonPath.from(received.get(0).data()).getInt("step")).isEqualTo(1);
        var progress = JsonPath.from(received.get(3).data());
        assertThat(progress.getInt("progress")).isEqualTo(66);
        assertThat(progress.getString("stage")).isEqualTo("step 2");
        var completed = JsonPath.from(received.getLast().data());
        assertThat(completed.getString("job_id")).isEqualTo(id);
        assertThat(completed.getString("status")).isEqualTo("succeeded");
        assertThat(completed.getInt("result.sum")).isEqualTo(6);
    }

    @Test
    void liveEventsArriveAsTheJobRunsAndTwoSubscribersSeeTheSameSequence() throws Exception {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(3, gate);
        var first = SseClient.open(events(id), null);
        var second = SseClient.open(events(id), null);

        Gates.open(gate, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.events.size() == 2 && second.events.size() == 2);
        assertThat(first.closed).isNotDone();
        assertThat(TestJobs.get(id).getString("status")).isEqualTo("running");

        Gates.openAll(gate, 3);
        var a = readToEnd(first);
        var b = readToEnd(second);
        assertThat(a).hasSize(7).isEqualTo(b);
        assertThat(a.getLast().name()).isEqualTo("completed");
        assertThat(a).isEqualTo(readToEnd(SseClient.open(events(id), null)));
    }

    @Test
    void resumingWithLastEventIdDeliversExactlyTheMissingEvents() throws Exception {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(3, gate);
        var stream = SseClient.open(events(id), null);
        Gates.open(gate, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.events.size() >= 2);
        var seen = List.copyOf(stream.events.subList(0, 2));

        // The client drops here; the job goes on, and the client reconnects with the last id it saw.
        Gates.openAll(gate, 3);
        var all = readToEnd(stream);
        var resumed = readToEnd(SseClient.open(events(id), seen.getLast().id()));

        assertThat(resumed).isEqualTo(all.subList(2, all.size()));
        assertThat(resumed.getFirst().name()).isEqualTo("tick");
        assertThat(JsonPath.from(resumed.getFirst().data()).getInt("step")).isEqualTo(2);
    }

    @Test
    void aClientThatHasSeenTheEndIsToldThereIsNothingMore() throws Exception {
        var id = TestJobs.submit(1);
        TestJobs.awaitStatus(id, "succeeded");
        var all = readToEnd(SseClient.open(events(id), null));

        // 204 is the SSE way to tell an EventSource to stop reconnecting.
        var again = SseClient.open(events(id), all.getLast().id());
        assertThat(again.status).isEqualTo(204);
        assertThat(readToEnd(again)).isEmpty();
    }

    @Test
    void aJobWhoseEventsExpiredStillEndsWithItsTerminalEvent() throws Exception {
        var id = TestJobs.submit(2);
        TestJobs.awaitStatus(id, "succeeded");
        // What the stream's time to live does after a day.
        io.quarkus.arc.Arc.container().instance(io.quarkus.redis.datasource.RedisDataSource.class).get()
                .key().del(JobEvents.key(UUID.fromString(id)));

        var received = readToEnd(SseClient.open(events(id), null));
        assertThat(received).extracting(Event::name).containsExactly("completed");
        assertThat(JsonPath.from(received.getFirst().data()).getInt("result.sum")).isEqualTo(3);
    }

    @Test
    void streamsOfUnknownJobsAndBadIdsAreProblems() {
        given().accept("text/event-stream").when().get(events(UUID.randomUUID().toString()))
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/not-found"));
        given().accept("text/event-stream").when().get(events("42"))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/invalid-id"));
        var id = TestJobs.submit(1);
        given().accept("text/event-stream").header("Last-Event-ID", "yesterday").when().get(events(id))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shotcraft.io/problems/validation"));
    }

    private static long eventOrder(String id) {
        var parts = id.split("-");
        return Long.parseLong(parts[0]) * 1_000_000 + Long.parseLong(parts[1]);
    }
}
