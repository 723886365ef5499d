package io.shotcraft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;
import io.vertx.core.json.JsonObject;

/** The clips page in a real headless Chromium: the sample plan run as a job and followed live, and its errors. */
@QuarkusTest
class ClipsPageBrowserTest extends BrowserTest {

    @TestHTTPResource("/clips")
    URL page;

    @Inject
    FreshAi freshAi;

    @BeforeEach
    void freshPage() {
        freshAi.reset();
        browser.get(page.toString());
        // Counts the page's requests to the API, so a test can tell that nothing was sent.
        script("const send = window.fetch; window.apiCalls = 0;"
                + "window.fetch = (url, init) => { if (String(url).startsWith('/api/')) window.apiCalls++; return send(url, init); };");
    }

    @Test
    void theSamplePlanBecomesSixValidatedPromptsFollowedLive() {
        assertThat(shown("run")).isFalse();
        assertThat(shown("results")).isFalse();
        assertThat(find("download").getDomAttribute("href")).isNull();

        loadSample();
        assertThat(value("plan")).contains("\"clip_scripts\"");
        assertThat(value("references")).contains("https://placeholder.example/scene_city_street.png");
        find("use-llm").click();
        assertThat(find("use-llm").isSelected()).isFalse();
        find("generate").click();

        awaitUntil("the completed event", () -> events().contains("completed") && find("generate").isEnabled());
        assertThat(events()).startsWith("stage_update", "progress").endsWith("prompt_generator_results", "stage_update", "completed")
                .doesNotContain("failed");
        assertThat(logLines().getFirst()).isEqualTo("stage_update prompt_generator started");
        assertThat(logLines()).contains("progress 20% · templates", "stage_update prompt_generator completed");
        assertThat(find("progress").getDomAttribute("data-progress")).isEqualTo("100");
        assertThat(text("progress-label")).isEqualTo("100%");
        assertThat(find("job-link").getDomAttribute("href")).matches("/jobs/[0-9a-f-]{36}");
        assertThat(shown("clips-error")).isFalse();

        assertThat(text("results-summary")).matches("6 clip prompts · offline · \\d+\\.\\d\\d s");
        assertThat(shown("results-note")).isFalse();
        var rows = browser.findElements(By.cssSelector("#clip-rows tr.clip-row"));
        assertThat(rows).hasSize(6);
        assertThat(rows).allSatisfy(row -> assertThat(row.findElement(By.className("badge")).getDomAttribute("data-state"))
                .isEqualTo("validated"));
        var references = find("clip-0").findElements(By.tagName("a")).stream().map(link -> link.getDomAttribute("href")).toList();
        assertThat(references).contains("https://placeholder.example/scene_city_street.png")
                .allSatisfy(href -> assertThat(href).startsWith("https://placeholder.example/"));

        var download = find("download");
        assertThat(download.getDomAttribute("download")).isEqualTo("clip-prompts.json");
        assertThat(download.getDomAttribute("href")).startsWith("blob:");
        var result = new JsonObject(fetchText(download.getDomAttribute("href")));
        assertThat(result.getInteger("total_clips")).isEqualTo(6);
        assertThat(result.getString("engine")).isEqualTo("offline");
        assertThat(result.getJsonArray("clip_prompts")).hasSize(6);
        var prompt = result.getJsonArray("clip_prompts").getJsonObject(0).getString("prompt");

        var toggle = find("clip-0").findElement(By.className("prompt-toggle"));
        assertThat(shown("clip-0-detail")).isFalse();
        assertThat(toggle.getText()).hasSizeLessThanOrEqualTo(80).startsWith(prompt.substring(0, 40));
        find("clip-0").findElement(By.className("num")).click();
        assertThat(shown("clip-0-detail")).isTrue();
        assertThat(text("clip-0-prompt")).isEqualTo(prompt);
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
        toggle.click();
        assertThat(shown("clip-0-detail")).isFalse();
        assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
    }

    @Test
    void jsonThatDoesNotParseIsShownAndNothingIsSent() {
        type("plan", "{ \"clip_scripts\": [");
        type("references", "[1, 2]");
        find("generate").click();

        awaitUntil("the error", () -> shown("clips-error"));
        assertThat(text("clips-error")).contains("The JSON could not be read").contains("Nothing was sent");
        assertThat(text("plan-error")).startsWith("is not valid JSON: ");
        assertThat(text("references-error")).isEqualTo("must be a JSON object");
        assertThat(find("plan").getDomAttribute("aria-invalid")).isEqualTo("true");

        type("plan", " ");
        assertThat(shown("plan-error")).isFalse();
        find("references").clear();
        find("generate").click();
        awaitUntil("the empty-plan error", () -> shown("plan-error"));
        assertThat(text("plan-error")).startsWith("is empty");
        assertThat(shown("references-error")).isFalse();

        assertThat(shown("run")).isFalse();
        assertThat(script("return window.apiCalls;")).isEqualTo(0L);
    }

    @Test
    void aPlanTheApiRefusesShowsTheFieldThatIsWrong() throws IOException {
        String sample;
        try (var in = getClass().getResourceAsStream("/clips/sample_scene_plan.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var backwards = sample.replace("\"start\": 9.8, \"end\": 14.6", "\"start\": 9.8, \"end\": 9.0");
        assertThat(backwards).isNotEqualTo(sample);
        var file = Files.createTempFile("backwards-plan-", ".json");
        try {
            Files.writeString(file, backwards);
            find("plan-file").sendKeys(file.toString());
            awaitUntil("the uploaded plan", () -> value("plan").contains("\"end\": 9.0"));
        } finally {
            Files.delete(file);
        }
        find("generate").click();

        awaitUntil("the problem", () -> shown("clips-error") && find("generate").isEnabled());
        assertThat(text("clips-error")).contains("Invalid request")
                .contains("plan.clip_scripts[2].end: must be after start (9.8)");
        assertThat(text("plan-error")).isEqualTo("clip_scripts[2].end: must be after start (9.8)");
        assertThat(shown("run")).isFalse();
        assertThat(shown("results")).isFalse();
        assertThat(script("return window.apiCalls;")).isEqualTo(1L);
    }

    @Test
    void whenTheModelAnswersBadlyTheTemplatesAnswerAndThePageSaysWhy() {
        OpenAiStub.answerRaw("this is not JSON");
        loadSample();
        assertThat(find("use-llm").isSelected()).isTrue();
        find("generate").click();

        awaitUntil("the completed event", () -> events().contains("completed") && find("generate").isEnabled());
        assertThat(logLines()).contains("progress 30% · model");
        assertThat(browser.findElements(By.cssSelector("#clip-rows tr.clip-row"))).hasSize(6);
        assertThat(text("results-note")).startsWith("The model could not answer (");
        assertThat(find("download").getDomAttribute("href")).startsWith("blob:");
    }

    private static void loadSample() {
        find("load-sample").click();
        awaitUntil("the sample", () -> !value("plan").isEmpty() && !value("references").isEmpty());
    }

    private static void type(String id, String text) {
        var field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    private static String value(String id) {
        return find(id).getDomProperty("value");
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** What the page reads at this address, a blob: one included. */
    private static String fetchText(String url) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done, e => done(String(e)));",
                url);
    }

    private static List<WebElement> logItems() {
        return browser.findElements(By.cssSelector("#stage-log li"));
    }

    private static List<String> events() {
        return logItems().stream().map(item -> item.getDomAttribute("data-event")).toList();
    }

    private static List<String> logLines() {
        return logItems().stream().map(WebElement::getText).toList();
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Browser.TIMEOUT)
                .withMessage(() -> what + "; page shows error '" + text("clips-error") + "', events " + events()
                        + ", progress '" + text("progress-label") + "'")
                .until(driver -> condition.get());
    }
}
