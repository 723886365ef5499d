package io.shotcraft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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

/**
 * Rendering in a real headless Chromium: the Studio's current prompt sent to the offline backend, followed in place
 * (status, elapsed time) to its preview image, which the browser loads from the API; and a target model's card
 * rendered with its own size.
 */
@QuarkusTest
class RenderBrowserTest extends BrowserTest {

    private static final String PROMPT = "A teal robot cooking food in a kitchen at dawn, warm orange light";

    @TestHTTPResource("/")
    URL page;

    @Inject
    FreshAi freshAi;

    @BeforeEach
    void freshPage() {
        freshAi.reset();
        browser.get(page.toString());
    }

    @Test
    void theStudiosPromptRendersToAPreviewInPlace() {
        var field = find("studio-prompt");
        field.clear();
        field.sendKeys(PROMPT);
        new Select(find("studio-engine")).selectByValue("offline");
        find("studio-start").click();
        awaitUntil("the session", () -> shown("session") && !text("session-prompt").isEmpty());
        assertThat(shown("studio-render")).isTrue();
        var panel = panel();
        assertThat(panel.isDisplayed()).isFalse();

        awaitUntil("the backends", () -> !new Select(backend()).getOptions().isEmpty());
        assertThat(new Select(backend()).getFirstSelectedOption().getDomAttribute("value")).isEqualTo("offline");
        renderButton().click();

        awaitUntil("the preview image", () -> "succeeded".equals(panel().getDomAttribute("data-state")) && imageLoaded());
        var image = panel().findElement(By.cssSelector("img.render-image"));
        assertThat(image.getDomAttribute("src")).matches("/api/v1/renders/[0-9a-f-]{36}/output/0");
        assertThat(((Number) script("return arguments[0].naturalWidth;", image)).intValue()).isEqualTo(1024);
        assertThat(((Number) script("return arguments[0].naturalHeight;", image)).intValue()).isEqualTo(1024);
        assertThat(panel().findElement(By.className("render-caption")).getText()).startsWith("preview · offline · shotcraft-preview-1");
        assertThat(panel().findElement(By.className("render-status")).getText()).isEqualTo("succeeded");
        assertThat(panel().findElement(By.className("render-elapsed")).getText()).matches("\\d+\\.\\d s");
        assertThat(panel().findElement(By.className("render-cancel")).isDisplayed()).isFalse();
        assertThat(renderButton().isEnabled()).isTrue();

        // The render remembers where its prompt came from.
        var id = panel().getDomAttribute("data-render-id");
        var source = (String) script("return fetch('/api/v1/renders/' + arguments[0]).then(r => r.json())"
                + ".then(r => r.inputs.source.kind + ' ' + r.inputs.source.revision + ' ' + r.inputs.prompt);", id);
        assertThat(source).isEqualTo("session 1 " + PROMPT);
    }

    @Test
    void aTargetCardRendersItsPromptWithItsSize() {
        browser.get(page + "targets?prompt=" + java.net.URLEncoder.encode(PROMPT, java.nio.charset.StandardCharsets.UTF_8));
        script("window.localStorage.clear();");
        browser.navigate().refresh();
        awaitUntil("the groups", () -> !browser.findElements(By.id("group-sora")).isEmpty());
        find("group-sora").click();
        new Select(find("engine")).selectByValue("offline");
        find("targets-submit").click();
        awaitUntil("the cards", () -> !browser.findElements(By.cssSelector("#target-SORA_2_A .render-button")).isEmpty());

        var card = find("target-SORA_2_A");
        card.findElement(By.className("render-button")).click();
        awaitUntil("the card's preview", () -> "succeeded".equals(card.findElement(By.className("render-panel")).getDomAttribute("data-state"))
                && Boolean.TRUE.equals(script("const img = arguments[0]; return img.complete && img.naturalWidth > 0;",
                        card.findElement(By.cssSelector("img.render-image")))));
        var image = card.findElement(By.cssSelector("img.render-image"));
        // Sora's card says 1280x720 and 8 seconds: the offline backend draws a still of that size and says so.
        assertThat(((Number) script("return arguments[0].naturalWidth;", image)).intValue()).isEqualTo(1280);
        assertThat(((Number) script("return arguments[0].naturalHeight;", image)).intValue()).isEqualTo(720);
        assertThat(card.findElement(By.className("render-caption")).getText()).contains("still preview of the video");
    }

    private static WebElement panel() {
        return find("studio-render").findElement(By.className("render-panel"));
    }

    private static WebElement backend() {
        return find("studio-render-controls").findElement(By.className("render-backend"));
    }

    private static WebElement renderButton() {
        return find("studio-render-controls").findElement(By.className("render-button"));
    }

    private static boolean imageLoaded() {
        return Boolean.TRUE.equals(script("const img = arguments[0]; return img.complete && img.naturalWidth > 0;",
                panel().findElement(By.cssSelector("img.render-image"))));
    }

    private static Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Browser.TIMEOUT)
                .withMessage(() -> what + "; render panel shows '" + find("studio-render").getText() + "', page error '"
                        + text("studio-error") + "'")
                .until(driver -> condition.get());
    }
}
