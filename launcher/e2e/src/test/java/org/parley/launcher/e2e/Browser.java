package org.parley.launcher.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/install-chromium}
 * installs), one fresh profile per instance, with the few look-ups the workspace tests need.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("parley.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("parley.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(10);

    final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** Starts Chromium for the Parley at {@code base}, e.g. {@code http://localhost:8080}. */
    static Browser open(String base) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("The browser tests need Chromium and ChromeDriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": run .ci/install-chromium (Debian's chromium and chromium-driver packages)");
        }
        Path profile = Files.createTempDirectory("parley-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: without the background-networking flags Chromium keeps trying to reach
        // Google's services. --no-sandbox because CI runs as root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--window-size=1280,900", "--lang=en-US",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base, profile);
    }

    void get(String path) {
        driver.get(base + path);
    }

    String path() {
        return (String) ((JavascriptExecutor) driver).executeScript("return location.pathname + location.search");
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitGone(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains {@code text}, and answers the whole text. */
    String waitText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css)).getText();
    }

    void waitPath(String path) {
        new WebDriverWait(driver, WAIT).until(d -> path.equals(path()));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clears the field and types into it. */
    void type(String css, String text) {
        WebElement field = waitFor(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Clicks the visible button, inside {@code scopeCss}, whose text is {@code label}. */
    void clickButton(String scopeCss, String label) {
        By button = By.xpath(".//button[normalize-space()=" + xpathString(label) + "]");
        WebElement scope = waitFor(scopeCss);
        new WebDriverWait(driver, WAIT).until(d -> {
            for (WebElement candidate : scope.findElements(button)) {
                if (candidate.isDisplayed() && candidate.isEnabled()) {
                    candidate.click();
                    return true;
                }
            }
            return false;
        });
    }

    /** Opens the row menu of the agent with this username and picks an item. */
    void agentAction(String username, String item) {
        String row = "tr[data-agent='" + username + "']";
        click(row + " details.row-menu > summary");
        clickButton(row + " .menu-items", item);
    }

    /** The page's uncaught script errors and refused resources (content security policy) so far. */
    List<String> scriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Uncaught") || message.contains("Refused")
                        || message.contains("SyntaxError") || message.contains("TypeError"))
                .toList();
    }

    /** Saves what the browser shows now as a PNG. */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    /**
     * After each step of a browser test: saves what every browser shows (for whoever reads a failure, under
     * {@code target/<folder>}), then fails on any uncaught script error or refused resource in their pages.
     *
     * @param browsers by a short name for the screenshot's file; null entries (not opened yet) are skipped
     */
    static void afterStep(org.junit.jupiter.api.TestInfo test, String folder, java.util.Map<String, Browser> browsers)
            throws IOException {
        String step = test.getTestMethod().orElseThrow().getName();
        for (java.util.Map.Entry<String, Browser> entry : browsers.entrySet()) {
            if (entry.getValue() != null) {
                entry.getValue().screenshot(Path.of("target", folder, step + "-" + entry.getKey() + ".png"));
            }
        }
        for (Browser browser : browsers.values()) {
            if (browser != null) {
                org.junit.jupiter.api.Assertions.assertEquals(List.of(), browser.scriptErrors(),
                        "script errors or refused resources in the page");
            }
        }
    }

    private static String xpathString(String value) {
        return value.contains("'") ? "\"" + value + "\"" : "'" + value + "'";
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }
}
