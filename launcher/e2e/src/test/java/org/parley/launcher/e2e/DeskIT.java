package org.parley.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * A visitor in the widget on a shop's page and an agent in the desk, both in real headless Chromium, chatting as new
 * users would: the new chat appears live, the agent takes it and answers, both sides see each other's messages live,
 * the agent reloads, closes the chat, and finds the earlier conversation in the history when the visitor writes
 * again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path data;

    static ParleyProcess parley;
    static Browser agent;
    static Browser visitor;
    static ShopSite shop;

    @BeforeAll
    static void start() throws Exception {
        int port = ParleyProcess.freePort();
        parley = ParleyProcess.start(data, port);
        parley.awaitHealthy(Duration.ofSeconds(90));
        String token = parley.setupToken();
        AgentClient.setUpOwner(parley, token, "olivia", "correct horse");
        shop = ShopSite.serving("<script async src=\"http://localhost:" + port + "/widget.js\"></script>");
        agent = Browser.open("http://localhost:" + port);
        visitor = Browser.open(shop.url(""));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Browser browser : new Browser[] {agent, visitor}) {
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
        Browser.afterStep(test, "desk-screenshots", java.util.Map.of("agent", agent, "visitor", visitor));
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

    private static void visitorWrites(String text) {
        WebElement input = inWidget("textarea");
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        waitInWidget(".message.visitor", text);
    }

    private static void agentWrites(String text) {
        WebElement reply = agent.waitFor(".desk-chat .composer textarea");
        reply.sendKeys(text);
        reply.sendKeys(Keys.ENTER);
    }

    @Test
    @Order(1)
    void aNewChatAppearsLiveAndTheAgentTakesAndAnswersIt() {
        agent.get("/signin");
        agent.type("[name=login]", "olivia");
        agent.type("[name=password]", "correct horse");
        agent.click("button[type=submit]");
        agent.waitPath("/desk");
        agent.waitText(".desk-list", "No conversations yet");
        agent.click(".desk-me .presence");
        agent.waitText(".desk-me .presence", "Online");

        visitor.driver.get(shop.url("/products/red-dress"));
        inWidget(".bubble").click();
        visitorWrites("Hello, do you ship to Austria?");

        agent.waitText(".conversation.state-new-chat", "Hello, do you ship to Austria?");
        assertTrue(agent.waitFor(".conversation .state-badge").getText().equalsIgnoreCase("New chat"));
        agent.click(".conversation > button");
        agent.waitText(".desk-messages", "Hello, do you ship to Austria?");
        agent.clickButton(".composer-note", "Take chat");
        agent.waitText(".desk-messages", "joined the chat");

        agentWrites("Yes, within 3 days.");
        waitInWidget(".message.agent", "Yes, within 3 days.");
        waitInWidget(".message.system", "joined the chat");

        visitorWrites("Great, thanks!");
        agent.waitText(".desk-messages", "Great, thanks!");
        agent.waitText(".conversation.selected", "Great, thanks!");
    }

    @Test
    @Order(2)
    void shiftEnterAddsALineAndWhatVisitorsWriteIsShownAsText() {
        WebElement reply = agent.waitFor(".desk-chat .composer textarea");
        reply.sendKeys("Line one");
        reply.sendKeys(Keys.SHIFT, Keys.ENTER);
        reply.sendKeys("Line two");
        reply.sendKeys(Keys.ENTER);
        waitInWidget(".message.agent", "Line one\nLine two");

        visitorWrites("<script>window.pwned=1</script><b>bold?</b>");
        agent.waitText(".desk-messages", "<script>window.pwned=1</script><b>bold?</b>");
        assertTrue(agent.all(".desk-messages b").isEmpty());
        assertEquals(null, ((JavascriptExecutor) agent.driver).executeScript("return window.pwned"));
    }

    @Test
    @Order(3)
    void afterAReloadTheDeskShowsTheSameChatAndStaysLive() {
        agent.driver.navigate().refresh();
        agent.waitFor(".conversation > button").click();
        agent.waitText(".desk-messages", "Line one");
        assertEquals(1, agent.all(".desk-message.visitor").stream()
                .filter(message -> message.getText().contains("Great, thanks!")).count(), "nothing shown twice");
        visitorWrites("One more question.");
        agent.waitText(".desk-messages", "One more question.");
    }

    @Test
    @Order(4)
    void closingEndsTheChatAndTheNextOneShowsTheEarlierInTheHistory() {
        agent.clickButton(".chat-actions", "Close chat");
        agent.clickButton("dialog", "Close chat");
        agent.waitText(".desk-messages", "closed the chat");
        waitInWidget(".message.system", "closed the chat");
        agent.waitText(".composer-note", "This chat is closed.");

        visitorWrites("I forgot something.");
        agent.waitText(".conversation.state-new-chat", "I forgot something.");
        agent.click(".conversation.state-new-chat > button");
        agent.clickButton(".chat-tabs", "History");
        agent.waitText(".history", "Hello, do you ship to Austria?");
        agent.waitText(".history", "closed the chat");
    }

    @Test
    @Order(5)
    void theVisitorPaneShowsWhoTheVisitorIsAndTakesNotes() {
        ((JavascriptExecutor) visitor.driver).executeScript("Parley.setVisitor({name: 'Vera Visitor', email: 'vera@example.com'})");
        agent.driver.navigate().refresh();
        agent.waitText(".conversation", "Vera Visitor");
        agent.click(".conversation.state-new-chat > button");
        agent.waitText(".desk-visitor", "vera@example.com");
        String pane = agent.waitText(".desk-visitor", "/products/red-dress");
        assertTrue(pane.contains("Chrome"), pane);
        assertTrue(pane.contains("Linux"), pane);
        assertTrue(pane.contains("On the website now"), pane);

        agent.type(".note-form textarea", "Asked about shipping to <Austria>");
        agent.clickButton(".note-form", "Add note");
        agent.waitText(".note-list", "Asked about shipping to <Austria>");
        agent.clickButton(".note-list", "Edit");
        agent.type("dialog [name=text]", "Ships to Austria: yes, 3 days");
        agent.clickButton("dialog", "Save note");
        agent.waitText(".note-list", "Ships to Austria: yes, 3 days");
        assertTrue(agent.waitText(".note-list", "Olivia Owner").contains("Olivia Owner"));
    }

    @Test
    @Order(6)
    void aBlockedVisitorIsToldPolitelyAndCannotWrite() {
        agent.click(".chat-actions details.menu > summary");
        agent.clickButton(".chat-actions .menu-items", "Block visitor");
        agent.clickButton("dialog", "Block visitor");
        agent.waitText(".desk-visitor", "Blocked");

        WebElement input = inWidget("textarea");
        input.sendKeys("Hello again?");
        input.sendKeys(Keys.ENTER);
        waitInWidget(".notice", "Sorry, you cannot start new chats here.");
        assertTrue(!inWidget("textarea").isEnabled(), "the widget stops taking messages");

        agent.click(".chat-actions details.menu > summary");
        agent.clickButton(".chat-actions .menu-items", "Unblock visitor");
        new WebDriverWait(agent.driver, WAIT).until(d -> !agent.waitFor(".desk-visitor").getText().contains("Blocked"));
    }

    @Test
    @Order(7)
    void typingAndSeenMarksShowOnBothSides() {
        visitor.driver.navigate().refresh(); // unblocked: a new page view takes messages again
        inWidget(".window");
        agent.clickButton(".composer-note", "Take chat");
        agent.waitFor(".desk-chat .composer textarea");
        waitInWidget(".message.system", "joined the chat");

        inWidget("textarea").sendKeys("I am still wri");
        agent.waitText(".typing-line", "is typing");
        agent.waitText(".conversation.selected", "typing…");

        agent.waitFor(".desk-chat .composer textarea").sendKeys("Take your ti");
        waitInWidget(".typing", "Olivia Owner is typing");

        // The agent has the chat open: the visitor's messages are marked seen in the widget.
        inWidget("textarea").sendKeys("ting.");
        inWidget("textarea").sendKeys(Keys.ENTER);
        agent.waitText(".desk-messages", "I am still writing.");
        new WebDriverWait(visitor.driver, WAIT).until(d -> widget().findElements(By.cssSelector(".message.visitor"))
                .stream().anyMatch(e -> e.getText().contains("I am still writing.")
                        && e.getAttribute("class").contains("seen")));

        // The visitor has the window open: the agent's reply is marked seen in the desk.
        agentWrites("me. All good.");
        waitInWidget(".message.agent", "Take your time. All good.");
        agent.waitText(".desk-message.agent.seen", "Take your time. All good.");
        assertTrue(agent.waitFor(".desk-message.agent.seen .meta").getText().contains("Seen"));
    }
}
