package io.shotcraft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/** The studio in a real headless Chromium, with the offline engine: the design's kitchen flow, table edits, errors. */
@QuarkusTest
class StudioPageBrowserTest extends BrowserTest {

    static final String KITCHEN = "The teal robot is cooking food in a kitchen. Steam rises from a simmering pot as the robot "
            + "chops vegetables on a worn wooden cutting board. Copper pans hang from an overhead rack, catching glints of "
            + "afternoon light, while a well-loved cast iron skillet sits on the stovetop next to scattered measuring spoons "
            + "and a half-empty bottle of olive oil.";

    @TestHTTPResource("/")
    URL page;

    @Inject
    FreshAi freshAi;

    @BeforeEach
    void freshStubAndCache() {
        freshAi.reset();
        browser.get(page.toString());
    }

    @Test
    void theDesignsKitchenFlow() {
        assertThat(shown("session")).isFalse();
        startSession(KITCHEN);
        assertThat(value("subject")).isEqualTo("teal robot");
        assertThat(value("location")).isEqualTo("kitchen");
        assertThat(text("session-revision")).isEqualTo("1");
        assertThat(text("session-prompt")).isEqualTo(KITCHEN);
        assertThat(text("session-engine")).isEqualTo("offline");
        assertThat(historyItems()).hasSize(1);
        var id = find("session").getDomAttribute("data-session-id");
        assertThat(browser.getCurrentUrl()).endsWith("/?session=" + id);

        send("Change the robot to blue");
        awaitRevision(2);
        assertThat(text("session-prompt")).contains("blue robot").doesNotContain("teal");
        assertThat(value("subject")).isEqualTo("blue robot");
        assertThat(text("edit-stage")).isEqualTo("Done · revision 2");
        assertThat(find("streaming-prompt").getDomProperty("textContent")).isEqualTo(text("session-prompt"));
        assertThat(shown("streaming-prompt")).isFalse();
        awaitUntil("the diff against revision 1", () -> "2".equals(find("prompt-diff").getDomAttribute("data-revision")));
        assertThat(String.join(" ", texts("#prompt-diff del"))).contains("teal").doesNotContain("robot");
        assertThat(String.join(" ", texts("#prompt-diff ins"))).contains("blue").doesNotContain("robot");
        assertThat(text("prompt-diff")).contains("robot is cooking food in a kitchen");
        assertThat(text("session-changes")).contains("blue");
        assertThat(text("conversation")).contains("Change the robot to blue").contains("Revision 2");
        awaitUntil("two revisions in the history", () -> historyItems().size() == 2);
        assertThat(text("history")).contains("“Change the robot to blue”");
        assertThat(historyItems().getFirst().getDomAttribute("data-revision")).isEqualTo("2");

        browser.navigate().refresh();
        awaitUntil("the session after a reload", () -> shown("session") && text("session-revision").equals("2")
                && historyItems().size() == 2);
        assertThat(text("session-prompt")).contains("blue robot");

        revision(1).findElement(By.cssSelector(".revert")).click();
        awaitRevision(3);
        assertThat(text("session-prompt")).isEqualTo(KITCHEN);
        assertThat(value("subject")).isEqualTo("teal robot");
        awaitUntil("three revisions in the history", () -> historyItems().size() == 3);
        assertThat(revision(3).getText()).contains("Reverted to revision 1");

        awaitUntil("suggestions", () -> !suggestions().isEmpty());
        var first = suggestions().getFirst();
        var name = first.getDomAttribute("data-name");
        assertThat(parameterNames()).doesNotContain(name);
        first.findElement(By.cssSelector(".apply")).click();
        awaitRevision(4);
        assertThat(parameterNames()).contains(name);
        awaitUntil("the applied suggestion gone from the list", () -> suggestions().stream()
                .noneMatch(s -> name.equals(s.getDomAttribute("data-name"))));

        var location = parameter("location").findElement(By.cssSelector(".param-value"));
        location.sendKeys(Keys.chord(Keys.CONTROL, "a"), "bakery", Keys.ENTER);
        awaitRevision(5);
        assertThat(text("session-prompt")).contains("bakery").doesNotContain("kitchen");
        assertThat(value("location")).isEqualTo("bakery");
        assertThat(shown("studio-error")).isFalse();

        find("copy-prompt").click();
        awaitUntil("the copy feedback", () -> text("copy-prompt").equals("Copied"));
        assertThat(OpenAiStub.calls()).isZero();
    }

    @Test
    void theTableRemovesAddsAndSavesOnBlur() {
        startSession(KITCHEN);
        var prop = parameterNames().stream().filter(n -> n.startsWith("prop_")).findFirst().orElseThrow();

        parameter(prop).findElement(By.cssSelector(".remove")).click();
        awaitRevision(2);
        assertThat(parameterNames()).doesNotContain(prop);

        type("param-new-name", "weather");
        type("param-new-value", "light rain");
        find("param-add").click();
        awaitRevision(3);
        assertThat(value("weather")).isEqualTo("light rain");
        assertThat(find("param-new-name").getDomProperty("value")).isEmpty();

        var subject = parameter("subject").findElement(By.cssSelector(".param-value"));
        subject.sendKeys(Keys.chord(Keys.CONTROL, "a"), "silver robot", Keys.TAB);
        awaitRevision(4);
        assertThat(text("session-prompt")).contains("silver robot");
        awaitUntil("four revisions in the history", () -> historyItems().size() == 4);
        assertThat(revision(4).getText()).contains("Parameters edited");

        var unchanged = parameter("location").findElement(By.cssSelector(".param-value"));
        unchanged.sendKeys(Keys.chord(Keys.CONTROL, "a"), "somewhere", Keys.ESCAPE);
        assertThat(value("location")).isEqualTo("kitchen");
        assertThat(text("session-revision")).isEqualTo("4");
    }

    @Test
    void aRequestTheOfflineEngineCannotReadShowsTheProblem() {
        startSession(KITCHEN);
        send("asdf qwerty");
        awaitUntil("the problem", () -> shown("studio-error"));
        assertThat(text("studio-error")).contains("Edit request not understood").contains("cannot interpret this request");
        assertThat(find("edit-stage").getDomAttribute("data-stage")).isEqualTo("failed");
        assertThat(text("conversation")).contains("asdf qwerty").contains("cannot interpret this request");
        assertThat(text("session-revision")).isEqualTo("1");
        assertThat(historyItems()).hasSize(1);
        assertThat(find("edit-send").isEnabled()).isTrue();

        send("Change the robot to blue");
        awaitRevision(2);
        assertThat(shown("studio-error")).isFalse();
    }

    @Test
    void enhanceFirstStartsFromTheEnhancedPrompt() {
        var idea = "a fox crossing a snowy road at night";
        find("studio-enhance").click();
        startSession(idea);
        assertThat(text("session-prompt")).startsWith(idea).hasSizeGreaterThan(idea.length());
        assertThat(text("session-revision")).isEqualTo("1");
        assertThat(OpenAiStub.calls()).isZero();
    }

    @Test
    void anUnknownSessionInTheAddressIsReported() {
        browser.get(page + "?session=" + UUID.randomUUID());
        awaitUntil("the problem", () -> shown("studio-error"));
        assertThat(text("studio-error")).contains("No session");
        assertThat(shown("session")).isFalse();
        assertThat(shown("studio-form")).isTrue();
    }

    private static void startSession(String prompt) {
        type("studio-prompt", prompt);
        new Select(find("studio-engine")).selectByValue("offline");
        find("studio-start").click();
        awaitUntil("the session", () -> shown("session") && !parameterNames().isEmpty() && historyItems().size() == 1);
    }

    private static void send(String request) {
        type("edit-request", request);
        find("edit-send").click();
    }

    private static void awaitRevision(int number) {
        awaitUntil("revision " + number, () -> text("session-revision").equals(String.valueOf(number))
                && find("session").getDomAttribute("aria-busy").equals("false"));
    }

    private static WebElement parameter(String name) {
        return browser.findElement(By.cssSelector("#parameters tr[data-name=\"" + name + "\"]"));
    }

    private static String value(String name) {
        return parameter(name).findElement(By.cssSelector(".param-value")).getDomProperty("value");
    }

    private static List<String> parameterNames() {
        return browser.findElements(By.cssSelector("#parameters tbody tr[data-name]")).stream()
                .map(row -> row.getDomAttribute("data-name")).toList();
    }

    private static List<WebElement> historyItems() {
        return browser.findElements(By.cssSelector("#history li[data-revision]"));
    }

    private static WebElement revision(int number) {
        return browser.findElement(By.cssSelector("#history li[data-revision=\"" + number + "\"]"));
    }

    private static List<WebElement> suggestions() {
        return browser.findElements(By.cssSelector("#suggestions li[data-name]"));
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private static void type(String id, String text) {
        var field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Browser.TIMEOUT)
                .withMessage(() -> what + "; page shows error '" + text("studio-error") + "', revision '"
                        + text("session-revision") + "', stage '" + text("edit-stage") + "'")
                .until(driver -> condition.get());
    }
}
