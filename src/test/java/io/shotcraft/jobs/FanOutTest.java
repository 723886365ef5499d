package io.shotcraft.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.Gates;
import io.shotcraft.testing.SseClient;
import io.shotcraft.testing.TestJobs;

/**
 * A thousand clients follow one job while ten other jobs run: one reader of that job on this instance serves them
 * all, every stream gets every event and ends with {@code completed}, the other jobs finish, and a client over the
 * instance's stream limit (1,000 in tests) is told to come back later (429, Retry-After).
 */
@QuarkusTest
class FanOutTest {

    static final int SUBSCRIBERS = 1000;

    @TestHTTPResource("/api/v1/jobs/")
    URI jobs;

    @Inject
    JobFeeds feeds;

    @Test
    void aThousandSubscribersOnOneJobAndTenOtherJobsAllCompleteNormally() throws Exception {
        var gate = TestJobs.newGate();
        var watched = TestJobs.submitGated(3, gate);
        Gates.open(gate, 1);

        var streams = new ArrayList<SseClient.EventStream>(SUBSCRIBERS);
        for (int i = 0; i < SUBSCRIBERS; i++) {
            var stream = SseClient.open(jobs.resolve(watched + "/events"), null);
            assertThat(stream.status).as("stream %d", i).isEqualTo(200);
            streams.add(stream);
        }
        assertThat(feeds.feeds()).as("readers of the watched job on this instance").isEqualTo(1);

        // One more than the limit: refused with a problem and a time to come back.
        given().accept("text/event-stream").when().get("/api/v1/jobs/" + watched + "/events")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("type", org.hamcrest.Matchers.endsWith("/too-many-streams"));

        var others = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            others.add(TestJobs.submit(3));
        }
        others.forEach(id -> TestJobs.awaitStatus(id, "succeeded"));

        Gates.openAll(gate, 3);
        List<SseClient.Event> first = null;
        for (var stream : streams) {
            var events = stream.closed.get(60, TimeUnit.SECONDS);
            assertThat(events).isNotEmpty();
            assertThat(events.getLast().name()).isEqualTo("completed");
            if (first == null) {
                first = events;
            }
            assertThat(events).as("every subscriber gets the same events").isEqualTo(first);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> feeds.feeds() == 0);
    }
}
