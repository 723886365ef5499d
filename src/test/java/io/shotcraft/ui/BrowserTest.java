package io.shotcraft.ui;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A browser test: one headless Chromium for the whole class, started before its first test, closed after its last. */
abstract class BrowserTest {

    private static Browser chromium;
    protected static WebDriver browser;

    protected static WebElement find(String id) {
        return browser.findElement(By.id(id));
    }

    protected static boolean shown(String id) {
        return find(id).isDisplayed();
    }

    protected static String text(String id) {
        return find(id).getText();
    }

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
