package io.shotcraft.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/** The targets page in a real headless Chromium, with the offline engine: groups ticked, a job followed to its cards. */
@QuarkusTest
class TargetsPageBrowserTest extends BrowserTest {

    private static final String PROMPT = "a fox crossing a snowy road at night";

    @TestHTTPResource("/targets")
    URL page;

    @Inject
    FreshAi freshAi;

    @BeforeEach
    void freshPage() {
        freshAi.reset();
        browser.get(page.toString());
        // The page remembers the last groups per category in this browser: every test starts with none.
        script("window.localStorage.clear();");
        browser.navigate().refresh();
        awaitUntil("the image groups", () -> !groupBoxes().isEmpty());
    }

    @Test
    void soraAndLeonardoBecomeThreeModelCardsWithTheTokenSaving() {
        assertThat(new Select(find("category")).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("image_generation");
        assertThat(text("groups")).contains("1. ").contains("3. ");
        assertThat(groupBoxes()).noneMatch(WebElement::isSelected);
        assertThat(shown("results")).isFalse();

        find("group-sora").click();
        find("group-leonardo").click();
        assertThat(value("selection")).isEqualTo("1,3");
        type("prompt", PROMPT);
        new Select(find("engine")).selectByValue("offline");
        submit().click();

        awaitUntil("the completed event", () -> events().contains("completed") && submit().isEnabled());
        assertThat(events()).contains("stage_update", "progress", "target_prompts").doesNotContain("failed");
        assertThat(find("progress").getDomAttribute("data-progress")).isEqualTo("100");
        assertThat(find("job-link").getDomAttribute("href")).matches("/jobs/[0-9a-f-]{36}");
        assertThat(shown("targets-error")).isFalse();

        var cards = cards();
        assertThat(cards).extracting(card -> card.getDomAttribute("data-model"))
                .containsExactly("SORA_2_A", "SORA_1_A", "LEONARDO_ANIME_XL_A");
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.findElement(By.cssSelector(".target-prompt .prompt-text")).getText()).isNotBlank();
            assertThat(card.findElement(By.cssSelector("button.copy-prompt")).getText()).isEqualTo("Copy");
            assertThat(card.findElement(By.className("target-engine")).getText()).isEqualTo("offline");
        });
        assertThat(find("target-SORA_2_A").getText()).contains("sora");
        assertThat(find("target-LEONARDO_ANIME_XL_A").getText()).contains("leonardo");
        assertThat(text("token-saving")).matches("[\\d,]+ of [\\d,]+ instruction tokens sent · \\d+% saved");
        assertThat(text("result-models")).isEqualTo("3");
        assertThat(text("result-engine")).isEqualTo("offline");
        assertThat(text("result-cached")).isEqualTo("false");
        assertThat(OpenAiStub.calls()).isZero();

        var copy = find("target-SORA_2_A").findElement(By.cssSelector("button.copy-prompt"));
        copy.click();
        awaitUntil("the copy feedback", () -> copy.getText().equals("Copied"));

        // The choice is remembered for the category.
        browser.navigate().refresh();
        awaitUntil("the remembered groups", () -> find("group-sora").isSelected() && find("group-leonardo").isSelected());
        assertThat(value("selection")).isEqualTo("1,3");
    }

    @Test
    void typedNumbersTickTheGroups() {
        type("selection", "3 1");
        assertThat(find("group-leonardo").isSelected()).isTrue();
        assertThat(find("group-sora").isSelected()).isTrue();
        assertThat(groupBoxes().stream().filter(WebElement::isSelected)).hasSize(2);

        type("selection", "1,99");
        assertThat(find("group-sora").isSelected()).isTrue();
        assertThat(find("group-leonardo").isSelected()).isFalse();
        assertThat(text("selection-error")).isEqualTo("no group 99 in this category");

        find("groups-clear").click();
        assertThat(groupBoxes()).noneMatch(WebElement::isSelected);
        assertThat(value("selection")).isEmpty();
    }

    @Test
    void noGroupTickedShowsTheServersProblem() {
        type("prompt", PROMPT);
        new Select(find("engine")).selectByValue("offline");
        submit().click();

        awaitUntil("the problem", () -> shown("targets-error") && submit().isEnabled());
        assertThat(text("targets-error")).contains("Invalid request").contains("groups").contains("select at least one group");
        assertThat(text("groups-error")).contains("select at least one group");
        assertThat(find("groups-fieldset").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(shown("run")).isFalse();
        assertThat(shown("results")).isFalse();

        find("group-sora").click();
        assertThat(shown("groups-error")).isFalse();
    }

    @Test
    void thePromptInTheAddressIsTheSource() {
        browser.get(page + "?prompt=" + URLEncoder.encode(PROMPT, StandardCharsets.UTF_8));
        awaitUntil("the image groups", () -> !groupBoxes().isEmpty());
        assertThat(value("prompt")).isEqualTo(PROMPT);
        assertThat(text("prompt-count")).isEqualTo(PROMPT.length() + " / 4000");
    }

    @Test
    void aSessionInTheAddressIsTheSourceAndRemembersItsSelection() {
        var id = given().contentType("application/json")
                .body(Map.of("prompt", PROMPT, "options", Map.of("engine", "offline")))
                .when().post("/api/v1/sessions")
                .then().statusCode(201)
                .extract().path("id");
        browser.get(page + "?session=" + id);
        awaitUntil("the session", () -> id.equals(value("session")) && !groupBoxes().isEmpty());
        assertThat(find("prompt").isEnabled()).isFalse();
        assertThat(text("source-note")).contains("the session's last selection in this category is used");
        new Select(find("engine")).selectByValue("offline");

        submit().click();
        awaitUntil("the problem", () -> shown("targets-error") && submit().isEnabled());
        assertThat(text("targets-error")).contains("the session has no earlier selection");
        assertThat(shown("groups-error")).isTrue();

        find("group-leonardo").click();
        submit().click();
        awaitUntil("the completed event", () -> events().contains("completed") && submit().isEnabled());
        assertThat(cards()).extracting(card -> card.getDomAttribute("data-model")).containsExactly("LEONARDO_ANIME_XL_A");
        assertThat(text("results-source")).startsWith("from session revision 1");

        // Nothing ticked: the session's remembered selection is used.
        browser.get(page + "?session=" + id);
        awaitUntil("the session", () -> id.equals(value("session")) && !groupBoxes().isEmpty());
        assertThat(groupBoxes()).noneMatch(WebElement::isSelected);
        new Select(find("engine")).selectByValue("offline");
        submit().click();
        awaitUntil("the completed event", () -> events().contains("completed") && submit().isEnabled());
        assertThat(cards()).extracting(card -> card.getDomAttribute("data-model")).containsExactly("LEONARDO_ANIME_XL_A");
    }

    private static List<WebElement> groupBoxes() {
        return browser.findElements(By.cssSelector("#groups input[type=\"checkbox\"]"));
    }

    private static List<WebElement> cards() {
        return browser.findElements(By.cssSelector("#target-cards article.target-card"));
    }

    private static WebElement submit() {
        return find("targets-submit");
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

    private static List<String> events() {
        return browser.findElements(By.cssSelector("#stage-log li")).stream().map(item -> item.getDomAttribute("data-event")).toList();
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Browser.TIMEOUT)
                .withMessage(() -> what + "; page shows error '" + text("targets-error") + "', events " + events()
                        + ", progress '" + text("progress-label") + "'")
                .until(driver -> condition.get());
    }
}
