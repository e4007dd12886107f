package org.parley.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat widget on a shop's page in real headless Chromium: the snippet copied from the workspace, a visitor who
 * chats, reloads and loses the connection while an agent answers over the desk API, and a shop whose styles must not
 * leak in or out.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path data;

    static ParleyProcess parley;
    static int port;
    static AgentClient agent;
    static Browser owner;
    static Browser visitor;
    static ShopSite shop;
    static String conversationId;

    @BeforeAll
    static void start() throws Exception {
        port = ParleyProcess.freePort();
        parley = ParleyProcess.start(data, port);
        parley.awaitHealthy(Duration.ofSeconds(90));
        String token = parley.setupToken();
        agent = AgentClient.setUpOwner(parley, token, "olivia", "correct horse");
    }

    @AfterAll
    static void stop() throws Exception {
        for (Browser browser : new Browser[] {owner, visitor}) {
            if (browser != null) {
                browser.close();
            }
        }
        if (shop != null) {
            shop.close();
        }
        if (parley != null) {
            parley.close();
        }
    }

    @AfterEach
    void noScriptErrors(org.junit.jupiter.api.TestInfo test) throws Exception {
        java.util.Map<String, Browser> browsers = new java.util.LinkedHashMap<>();
        browsers.put("owner", owner);
        browsers.put("visitor", visitor);
        Browser.afterStep(test, "widget-screenshots", browsers);
    }

    private static SearchContext widget() {
        return Widget.in(visitor).root();
    }

    private static WebElement inWidget(String css) {
        return Widget.in(visitor).find(css);
    }

    private static void waitInWidget(String css, String text) {
        Widget.in(visitor).waitText(css, text);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) visitor.driver).executeScript(script);
    }

    @Test
    @Order(1)
    void theSnippetFromTheWorkspaceLoadsTheWidgetWithoutTouchingTheShopsStyles() throws Exception {
        owner = Browser.open("http://localhost:" + port);
        owner.get("/signin");
        owner.type("[name=login]", "olivia");
        owner.type("[name=password]", "correct horse");
        owner.click("button[type=submit]");
        owner.waitFor("nav a[href='/widget']").click();
        String snippet = owner.waitText(".snippet", "widget.js");
        assertTrue(snippet.contains("http://localhost:" + port + "/widget.js"), snippet);

        shop = ShopSite.serving(snippet);
        visitor = Browser.open(shop.url(""));
        visitor.driver.get(shop.url("/products/red-dress"));
        WebElement bubble = inWidget(".bubble");
        assertEquals("rgba(52, 84, 209, 1)", bubble.getCssValue("background-color"), "the shop's button style stays out");
        assertEquals("rgba(255, 0, 0, 1)", visitor.waitFor("#shop-button").getCssValue("background-color"),
                "the widget's styles stay in");
        assertTrue(visitor.waitFor("#shop-title").getCssValue("font-family").contains("serif"));
    }

    @Test
    @Order(2)
    void aVisitorWritesAndTheAgentAnswersLive() throws Exception {
        inWidget(".bubble").click();
        WebElement input = inWidget("textarea");
        input.sendKeys("Is the red dress in stock?");
        input.sendKeys(Keys.SHIFT, Keys.ENTER);
        input.sendKeys("Size M.");
        input.sendKeys(Keys.ENTER);
        waitInWidget(".message.visitor", "Size M.");
        new WebDriverWait(visitor.driver, WAIT).until(d -> !inWidget(".message.visitor").getText().contains("Sending"));
        assertTrue(inWidget(".message.visitor .text").getText().contains("Is the red dress in stock?\nSize M."));

        JsonNode list = agent.call("GET", "/api/v1/desk/conversations", null, 200);
        JsonNode waiting = list.get("conversations").get(0);
        assertEquals("NEW_CHAT", waiting.get("deskState").asText());
        conversationId = waiting.get("id").asText();
        agent.call("POST", "/api/v1/desk/conversations/" + conversationId + "/take", null, 200);
        agent.call("POST", "/api/v1/desk/conversations/" + conversationId + "/messages",
                Map.of("text", "Yes, size M is in stock.", "clientMessageId", "a1"), 201);

        waitInWidget(".message.system", "joined");
        waitInWidget(".message.agent", "Yes, size M is in stock.");
        assertTrue(inWidget(".message.agent .name").getText().contains("Olivia Owner"));
        assertEquals("Olivia Owner", inWidget("header .title").getText());
        assertEquals("O", inWidget("header .avatar").getText(), "no picture yet: the initial");

        // With a picture, the widget shows it (avatars are public, for exactly this).
        String agentId = agent.call("GET", "/api/v1/session", null, 200).get("agent").get("id").asText();
        agent.send("PUT", "/api/v1/agents/" + agentId + "/avatar", "image/png", java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), 200);
        visitor.driver.navigate().refresh();
        inWidget("header .avatar img");
    }

    @Test
    @Order(3)
    void theHistoryIsThereAfterAReload() {
        visitor.driver.navigate().refresh();
        waitInWidget(".message.agent", "Yes, size M is in stock.");
        waitInWidget(".message.visitor", "Size M.");
        assertEquals(1, widget().findElements(By.cssSelector(".message.agent")).size(), "nothing shown twice");
    }

    @Test
    @Order(4)
    void messagesSentWhileTheConnectionIsDownArriveOnceWhenItIsBack() throws Exception {
        parley.terminate(Duration.ofSeconds(20));
        parley = ParleyProcess.start(data, port);
        parley.awaitHealthy(Duration.ofSeconds(90));
        agent = AgentClient.signIn(parley, "olivia", "correct horse");
        for (int i = 1; i <= 3; i++) {
            agent.call("POST", "/api/v1/desk/conversations/" + conversationId + "/messages",
                    Map.of("text", "While you were away " + i, "clientMessageId", "away-" + i), 201);
        }
        new WebDriverWait(visitor.driver, Duration.ofSeconds(45)).until(d -> widget()
                .findElements(By.cssSelector(".message.agent")).stream().anyMatch(e -> e.getText().contains("away 3")));
        List<String> texts = widget().findElements(By.cssSelector(".message.agent .text")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("Yes, size M is in stock.", "While you were away 1", "While you were away 2",
                "While you were away 3"), texts);
    }

    @Test
    @Order(5)
    void whatVisitorsTypeIsShownAsTextNeverRunAsMarkup() {
        WebElement input = inWidget("textarea");
        input.sendKeys("<img src=x onerror=\"window.pwned=1\">");
        input.sendKeys(Keys.ENTER);
        waitInWidget(".message.visitor", "<img src=x");
        assertTrue(widget().findElements(By.cssSelector(".message img")).isEmpty());
        assertNull(js("return window.pwned"));
    }

    @Test
    @Order(6)
    void theShopsPagesOpenAndCloseTheWidgetThroughItsApi() {
        js("Parley.close()");
        new WebDriverWait(visitor.driver, WAIT).until(d -> !widget().findElement(By.cssSelector(".window")).isDisplayed());
        js("Parley.open()");
        inWidget(".window");
        inWidget(".close").click();
        new WebDriverWait(visitor.driver, WAIT).until(d -> !widget().findElement(By.cssSelector(".window")).isDisplayed());
    }

    @Test
    @Order(7)
    void onAPhoneSizedScreenTheChatFillsTheScreen() {
        visitor.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 760));
        js("Parley.open()");
        WebElement window = inWidget(".window");
        long width = (Long) js("return window.innerWidth");
        new WebDriverWait(visitor.driver, WAIT).until(d -> window.getRect().getWidth() == width);
        assertEquals(0, window.getRect().getX());
        inWidget("textarea");
        visitor.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @Test
    @Order(8)
    void whenWebSocketsAreBlockedTheWidgetReceivesOverServerSentEvents() throws Exception {
        Browser blocked = Browser.open(shop.url(""));
        try {
            org.openqa.selenium.chromium.ChromiumDriver chromium = (org.openqa.selenium.chromium.ChromiumDriver) blocked.driver;
            chromium.executeCdpCommand("Network.enable", Map.of());
            chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("ws://*", "wss://*")));
            blocked.driver.get(shop.url("/products/blue-shirt"));
            Browser previous = visitor;
            visitor = blocked;
            try {
                inWidget(".bubble").click();
                WebElement input = inWidget("textarea");
                input.sendKeys("Behind a strict proxy here.");
                input.sendKeys(Keys.ENTER);
                waitInWidget(".message.visitor", "Behind a strict proxy here.");
                JsonNode waiting = null;
                for (JsonNode c : agent.call("GET", "/api/v1/desk/conversations", null, 200).get("conversations")) {
                    if ("NEW_CHAT".equals(c.get("deskState").asText())) {
                        waiting = c;
                    }
                }
                String id = waiting.get("id").asText();
                agent.call("POST", "/api/v1/desk/conversations/" + id + "/take", null, 200);
                agent.call("POST", "/api/v1/desk/conversations/" + id + "/messages",
                        Map.of("text", "Got it over the fallback.", "clientMessageId", "sse-1"), 201);
                new WebDriverWait(blocked.driver, Duration.ofSeconds(30)).until(d -> widget()
                        .findElements(By.cssSelector(".message.agent")).stream()
                        .anyMatch(e -> e.getText().contains("Got it over the fallback.")));
            } finally {
                visitor = previous;
            }
        } finally {
            blocked.close();
        }
    }
}
