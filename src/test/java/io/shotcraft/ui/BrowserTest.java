package io.shotcraft.ui;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;

/** A browser test: one headless Chromium for the whole class, started before its first test, closed after its last. */
abstract class BrowserTest {

    private static Browser chromium;
    protected static WebDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = Browser.start();
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
