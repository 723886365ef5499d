package io.shotcraft.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shotcraft.testing.FreshAi;
import io.shotcraft.testing.OpenAiStub;

/** The enhance page in a real headless Chromium, against the stubbed OpenAI endpoint. */
@QuarkusTest
class EnhancePageBrowserTest extends BrowserTest {

    private static final String PROMPT = "a fox crossing a snowy road at night";
    private static final String ENHANCED = "A red fox trots across a snowy road at night, low tracking shot, cold moonlight.";

    @TestHTTPResource("/enhance")
    URL page;

    @Inject
    FreshAi freshAi;

    @BeforeEach
    void freshStubAndCache() {
        freshAi.reset();
        browser.get(page.toString());
    }

    @Test
    void theModelsEnhancementIsShownAndServedFromTheCacheTheSecondTime() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        assertThat(shown("result")).isFalse();

        type("prompt", PROMPT);
        assertThat(text("prompt-count")).isEqualTo(PROMPT.length() + " / 2000");
        enhance();
        awaitResult();
        assertThat(text("result-original")).isEqualTo(PROMPT);
        assertThat(text("result-enhanced")).isEqualTo(ENHANCED);
        assertThat(text("result-engine")).isEqualTo("llm");
        assertThat(text("result-model")).isEqualTo("gpt-4.1-mini-2025-04-14");
        assertThat(text("result-cached")).isEqualTo("false");
        assertThat(text("result-seed")).isEqualTo("random");
        assertThat(text("result-usage")).startsWith("120 in · 45 out · $");
        assertThat(shown("badge-fallback")).isFalse();
        assertThat(shown("badge-skipped")).isFalse();
        assertThat(shown("enhance-error")).isFalse();

        enhance();
        awaitUntil("the cached result", () -> text("result-cached").equals("true") && submit().isEnabled());
        assertThat(text("result-enhanced")).isEqualTo(ENHANCED);
        assertThat(text("result-engine")).isEqualTo("llm");
        assertThat(text("result-usage")).isEqualTo("0 in · 0 out · $0");
        assertThat(OpenAiStub.calls()).isEqualTo(1);

        find("copy-enhanced").click();
        awaitUntil("the copy feedback", () -> text("copy-enhanced").equals("Copied"));
    }

    @Test
    void theOfflineEngineKeepsTheWordsTypedAndNeverCallsTheModel() {
        OpenAiStub.answer(Map.of("enhanced", ENHANCED));
        type("prompt", PROMPT);
        new Select(find("engine")).selectByValue("offline");
        type("seed", "42");
        type("max-words", "60");
        enhance();
        awaitResult();

        assertThat(text("result-engine")).isEqualTo("offline");
        assertThat(text("result-enhanced")).startsWith(PROMPT).hasSizeGreaterThan(PROMPT.length());
        assertThat(text("result-original")).isEqualTo(PROMPT);
        assertThat(text("result-seed")).isEqualTo("42");
        assertThat(shown("badge-model")).isFalse();
        assertThat(shown("badge-fallback")).isFalse();
        assertThat(OpenAiStub.calls()).isZero();
    }

    @Test
    void whenTheModelAnswersBadlyTheOfflineEngineAnswersAndThePageSaysWhy() {
        OpenAiStub.answerRaw("this is not JSON");
        type("prompt", PROMPT);
        enhance();
        awaitResult();

        assertThat(text("result-engine")).isEqualTo("offline");
        assertThat(shown("badge-fallback")).isTrue();
        assertThat(text("result-fallback")).isEqualTo("malformed_output");
        assertThat(text("result-note")).contains("malformed output");
    }

    @Test
    void imageToVideoRevealsTheImageFieldsAndNeedsOneOfThem() {
        assertThat(shown("image-url")).isFalse();
        assertThat(shown("image-caption")).isFalse();
        new Select(find("mode")).selectByValue("i2v");
        assertThat(shown("image-url")).isTrue();
        assertThat(shown("image-caption")).isTrue();

        type("prompt", PROMPT);
        enhance();
        awaitUntil("the problem", () -> shown("enhance-error"));
        assertThat(text("enhance-error")).contains("Invalid request")
                .contains("i2v needs image_url or image_caption")
                .contains("image_url: image_url or image_caption is required for i2v");
        assertThat(text("image-url-error")).isEqualTo("image_url or image_caption is required for i2v");
        assertThat(find("image-url").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(shown("result")).isFalse();
        assertThat(OpenAiStub.calls()).isZero();

        type("image-caption", "a fox standing on a snowy road");
        new Select(find("engine")).selectByValue("offline");
        enhance();
        awaitResult();
        assertThat(shown("enhance-error")).isFalse();
        assertThat(shown("image-url-error")).isFalse();
        assertThat(text("result-engine")).isEqualTo("offline");

        new Select(find("mode")).selectByValue("t2v");
        assertThat(shown("image-url")).isFalse();
    }

    @Test
    void fieldErrorsAreShownUnderTheirFields() {
        type("prompt", "   ");
        enhance();
        awaitUntil("the problem", () -> shown("enhance-error"));
        assertThat(text("enhance-error")).contains("prompt: must not be blank");
        assertThat(text("prompt-error")).isEqualTo("must not be blank");
        assertThat(find("prompt").getDomAttribute("aria-invalid")).isEqualTo("true");

        type("prompt", "x");
        assertThat(shown("prompt-error")).isFalse();
    }

    private static void type(String id, String text) {
        var field = find(id);
        field.clear();
        field.sendKeys(text);
    }

    private static void enhance() {
        submit().click();
    }

    private static WebElement submit() {
        return find("enhance-submit");
    }

    private static void awaitResult() {
        awaitUntil("the result", () -> shown("result") && submit().isEnabled());
    }

    private static void awaitUntil(String what, Supplier<Boolean> condition) {
        new WebDriverWait(browser, Browser.TIMEOUT)
                .withMessage(() -> what + "; page shows error '" + text("enhance-error") + "', engine '"
                        + text("result-engine") + "', cached '" + text("result-cached") + "', button '"
                        + text("enhance-submit") + "'")
                .until(driver -> condition.get());
    }
}
