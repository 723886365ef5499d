package io.shotcraft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.Gates;
import io.shotcraft.testing.TestJobs;

/** The job page in a real headless Chromium, following jobs of the test kind live. */
@QuarkusTest
class JobPageBrowserTest extends BrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aRunningJobIsFollowedLiveToItsResult() {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(3, gate);
        TestJobs.awaitStatus(id, "running");

        open(id);
        awaitUntil("status running", () -> text("job-status").equals("running"));
        assertThat(text("job-kind")).isEqualTo("test.steps");
        assertThat(events()).isEmpty();

        Gates.open(gate, 1);
        awaitUntil("the events of step 1", () -> events().equals(List.of("tick", "progress")));
        assertThat(text("job-status")).isEqualTo("running");
        assertThat(text("job-stage")).isEqualTo("step 1");
        assertThat(progress()).isEqualTo("33");
        assertThat(rows()).allSatisfy(row -> assertThat(row.getDomAttribute("data-id")).matches("\\d+-\\d+"));
        assertThat(rows().getFirst().getText()).contains("{\"step\":1}");

        Gates.open(gate, 2);
        Gates.open(gate, 3);
        awaitUntil("status succeeded", () -> text("job-status").equals("succeeded"));
        assertThat(events()).containsExactly("tick", "progress", "tick", "progress", "tick", "progress", "completed");
        assertThat(progress()).isEqualTo("100");
        assertThat(text("job-stage")).isEqualTo("step 3");
        assertThat(text("job-result")).contains("\"sum\": 6");
        assertThat(browser.findElement(By.id("job-cancel")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("job-error")).isDisplayed()).isFalse();
    }

    @Test
    void aFailedJobShowsItsProblem() {
        var id = TestJobs.submit(2, null, 2);
        TestJobs.awaitStatus(id, "failed");

        open(id);
        awaitUntil("status failed", () -> text("job-status").equals("failed"));
        awaitUntil("the failed event", () -> events().equals(List.of("tick", "progress", "failed")));
        assertThat(text("job-error")).contains("Job failed").contains("Step 2 failed on purpose");
        assertThat(progress()).isEqualTo("50");
    }

    @Test
    void aRunningJobCanBeCancelledFromItsPage() {
        var gate = TestJobs.newGate();
        var id = TestJobs.submitGated(2, gate);
        TestJobs.awaitStatus(id, "running");

        open(id);
        awaitUntil("status running", () -> text("job-status").equals("running"));
        browser.findElement(By.id("job-cancel")).click();
        awaitUntil("the failed event", () -> events().equals(List.of("failed")));
        assertThat(text("job-status")).isEqualTo("cancelled");
        assertThat(text("job-error")).contains("The job was cancelled at the client's request");
        assertThat(TestJobs.get(id).getString("status")).isEqualTo("cancelled");
        Gates.openAll(gate, 2);
    }

    @Test
    void anUnknownJobShowsTheApisProblem() {
        var id = UUID.randomUUID().toString();
        open(id);
        awaitUntil("the not-found problem", () -> text("job-error").contains("No job " + id));
        assertThat(text("job-kind")).isEqualTo("Job not found");
        assertThat(browser.findElement(By.id("events-panel")).isDisplayed()).isFalse();

        open("not-a-uuid");
        awaitUntil("the invalid-id problem", () -> text("job-error").contains("'not-a-uuid' is not a valid UUID"));
        assertThat(events()).isEmpty();
    }

    private void open(String id) {
        browser.get(root.toString() + "jobs/" + id);
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Browser.TIMEOUT)
                .withMessage(() -> what + "; page shows status '" + text("job-status") + "', events " + events()
                        + ", error '" + text("job-error") + "'")
                .until(driver -> condition.get());
    }

    private static String progress() {
        return browser.findElement(By.id("job-progress")).getDomAttribute("data-progress");
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#event-log li"));
    }

    private static List<String> events() {
        return rows().stream().map(row -> row.getDomAttribute("data-event")).toList();
    }
}
