package org.parley.launcher.e2e;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat widget on a shop page, looked at inside its shadow root. */
final class Widget {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Browser browser;

    private Widget(Browser browser) {
        this.browser = browser;
    }

    static Widget in(Browser browser) {
        return new Widget(browser);
    }

    /** The widget's shadow root, once the script has put its host element on the page. */
    SearchContext root() {
        return new WebDriverWait(browser.driver, WAIT)
                .until(d -> d.findElements(By.id("parley-chat")).stream().findFirst().orElse(null))
                .getShadowRoot();
    }

    /** The first visible element inside the widget matching the selector. */
    WebElement find(String css) {
        return new WebDriverWait(browser.driver, WAIT).until(d -> {
            List<WebElement> found = root().findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Waits until some element matching the selector shows the text. */
    void waitText(String css, String text) {
        new WebDriverWait(browser.driver, WAIT).until(d -> root().findElements(By.cssSelector(css)).stream()
                .anyMatch(element -> element.getText().contains(text)));
    }
}
