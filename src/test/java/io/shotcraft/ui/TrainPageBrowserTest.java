package io.shotcraft.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The train page in a real headless Chromium: a study picked, a trial drawn and followed to both options' images,
 * rated by a click and by keys, and the status, the history chart and the lineage read back after the ratings.
 */
@QuarkusTest
class TrainPageBrowserTest extends BrowserTest {

    private static final String STUDIES = "/api/v1/learning/studies";

    @TestHTTPResource("/train")
    URL page;

    @Test
    void aTrialIsRatedByClickAndByKeysAndTheStatusFollows() {
        var study = study("browser " + UUID.randomUUID());
        browser.get(page.toString());
        awaitUntil("the study in the list", () -> !browser.findElements(By.cssSelector("#study option[value='" + study + "']")).isEmpty());
        new Select(find("study")).selectByValue(study);
        awaitUntil("the study's status", () -> "0/50".equals(text("status-samples")));
        assertThat(text("status-best")).isEqualTo("—");
        assertThat(text("status-phase1")).isEqualTo("active (0% converged)");
        assertThat(text("status-version")).startsWith("v1.0.0");
        assertThat(browser.getCurrentUrl()).endsWith("?study=" + study);

        find("trial-prompt").sendKeys("a sunlit living room with an oak floor");
        find("trial-start").click();
        awaitUntil("both options' images", () -> "ready".equals(find("trial").getDomAttribute("data-status"))
                && loaded("option-A-image") && loaded("option-B-image"));
        assertThat(find("option-A-image").getDomAttribute("src")).matches("/api/v1/renders/[0-9a-f-]{36}/output/0");
        assertThat(find("option-A-params").getText()).contains("API", "Init strength", "Guidance", "ControlNet", "v1.0.0");
        // the options differ by their parameters, and the page marks which
        assertThat(find("option-A-params").findElements(By.cssSelector("dd.param-differs"))).isNotEmpty();
        assertThat(find("option-A-params").findElements(By.cssSelector("dd.param-differs")))
                .hasSameSizeAs(find("option-B-params").findElements(By.cssSelector("dd.param-differs")));
        assertThat(find("rate-submit").isEnabled()).isFalse();

        find("option-A-star-4").click();
        assertThat(find("option-A-star-4").getDomAttribute("aria-checked")).isEqualTo("true");
        assertThat(find("option-A-stars").getDomAttribute("data-rating")).isEqualTo("4");
        assertThat(find("rate-submit").isEnabled()).isFalse();
        // digits typed in the comments are text, not ratings
        find("option-A-comments").sendKeys("5 stars for the light, but the floor is too dark");
        assertThat(find("option-A-stars").getDomAttribute("data-rating")).isEqualTo("4");

        find("option-B-star-1").sendKeys("3");
        assertThat(find("option-B-stars").getDomAttribute("data-rating")).isEqualTo("3");
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertThat(find("option-B-stars").getDomAttribute("data-rating")).isEqualTo("2");
        assertThat(find("option-B-star-2").getDomAttribute("aria-checked")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("option-B-star-2");
        assertThat(text("rate-note")).isEqualTo("A 4/5, B 2/5: ready to submit.");

        find("rate-submit").click();
        awaitUntil("the status after the ratings", () -> "2/50".equals(text("status-samples")));
        assertThat(text("status-best")).isEqualTo("4.0/5");
        // a 4 reaches the design's target
        assertThat(text("status-phase1")).isEqualTo("complete (target reached)");
        assertThat(text("status-phase2")).startsWith("training (not ready");
        assertThat(text("rate-note")).contains("Ratings saved", "2 samples", "Phase 1 complete");
        assertThat(find("rate-submit").isEnabled()).isFalse();
        assertThat(find("option-A-star-5").isEnabled()).isFalse();

        awaitUntil("the history chart", () -> browser.findElements(By.cssSelector("#history-chart circle")).size() == 3);
        assertThat(browser.findElements(By.cssSelector("#history-chart .best-point"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#history-chart .trend-point"))).hasSize(1);
        assertThat(text("history-summary")).isEqualTo("2 samples · average 3.0");
        assertThat(browser.findElements(By.cssSelector("#history-rows tr"))).hasSize(1);
        assertThat(text("history-rows")).contains("4★", "2★");

        var lineage = find("lineage").findElement(By.cssSelector("li[data-version='v1.0.0']"));
        assertThat(lineage.getText()).contains("current", "system_init", "avg 3.0", "2 samples", "win rate");

        var experiment = find("trial").getDomAttribute("data-experiment-id");
        var stored = given().when().get(STUDIES + "/" + study + "/trials/" + experiment).then().statusCode(200)
                .extract().jsonPath();
        assertThat(stored.getList("options.rating")).containsExactly(4, 2);
        assertThat(stored.getString("options[0].comments")).isEqualTo("5 stars for the light, but the floor is too dark");
        assertThat((Object) stored.get("options[1].comments")).isNull();
    }

    @Test
    void aNewStudyIsCreatedFromThePage() {
        browser.get(page.toString());
        awaitUntil("the studies", () -> !find("study-loading").isDisplayed());
        if (!find("study-create").isDisplayed()) {
            find("study-new").click();
        }
        find("study-create-submit").click();
        assertThat(text("study-name-error")).isEqualTo("Give the study a name");

        var name = "made on the page " + UUID.randomUUID();
        find("study-name").sendKeys(name);
        find("study-create-submit").click();
        awaitUntil("the new study's status", () -> "0/50".equals(text("status-samples"))
                && name.equals(new Select(find("study")).getFirstSelectedOption().getText()));
        assertThat(find("study-create").isDisplayed()).isFalse();
        var id = new Select(find("study")).getFirstSelectedOption().getDomAttribute("value");
        given().when().get(STUDIES + "/" + id).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo(name));
        awaitUntil("the lineage", () -> !browser.findElements(By.cssSelector("#lineage li[data-version='v1.0.0']")).isEmpty());
    }

    private static String study(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "seed", 7)).when().post(STUDIES)
                .then().statusCode(201).extract().path("id");
    }

    private static boolean loaded(String id) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "const img = arguments[0]; return img.complete && img.naturalWidth > 0;", find(id)));
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Browser.TIMEOUT)
                .withMessage(() -> what + "; trial stage '" + text("trial-stage") + "', page error '"
                        + find("train-error").getText() + "'")
                .until(driver -> condition.get());
    }
}
