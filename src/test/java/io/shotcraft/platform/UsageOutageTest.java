package io.shotcraft.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.shotcraft.ai.UsageConfig;
import io.shotcraft.ai.UsageRecorder;
import io.shotcraft.testing.OwnServices;
import io.shotcraft.testing.UsageTesting;

/**
 * Usage accounting while PostgreSQL is down: the answers are kept (up to the buffer, the rest summed in aggregates)
 * and written once it is back. Shares OutageTest's servers of its own, and so its Quarkus boot.
 */
@QuarkusTest
@TestProfile(OutageTest.OwnServicesProfile.class)
class UsageOutageTest {

    @Inject
    UsageRecorder recorder;

    @Inject
    UsageConfig config;

    @Inject
    DataSource database;

    @Inject
    MeterRegistry registry;

    @AfterEach
    void postgresBack() {
        OwnServices.startPostgres();
    }

    @Test
    void answersRecordedWhileTheDatabaseIsDownAreWrittenWhenItIsBack() throws Exception {
        assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
        var run = UsageTesting.run();
        int capacity = config.bufferSize();
        int answers = capacity + capacity / 2;
        double failedBefore = UsageTesting.rows(registry, "failed");
        double writtenBefore = UsageTesting.rows(registry, "written");

        OwnServices.stopPostgres();
        var expected = UsageTesting.recordConcurrently(recorder, run, 0, answers, 4);

        // Nothing can be written, and nothing is lost: a full buffer, the rest in aggregates.
        assertThat(recorder.flush(Duration.ofMillis(300))).isFalse();
        assertThat(recorder.buffered()).isEqualTo(capacity);
        assertThat(recorder.pending()).isEqualTo(answers);
        assertThat(UsageTesting.rows(registry, "written")).isEqualTo(writtenBefore);

        OwnServices.startPostgres();

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .untilAsserted(() -> UsageTesting.assertInTable(database, run, expected));
        assertThat(UsageTesting.aggregatedInTable(database, run)).isEqualTo(answers - capacity);
        assertThat(recorder.pending()).isZero();
        assertThat(recorder.maxBuffered()).isLessThanOrEqualTo(capacity);
        assertThat(UsageTesting.rows(registry, "failed")).isEqualTo(failedBefore);
        assertThat(UsageTesting.rows(registry, "written") - writtenBefore).isEqualTo(answers);
    }
}
