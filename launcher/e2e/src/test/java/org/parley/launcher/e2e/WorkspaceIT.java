package org.parley.launcher.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The workspace clicked through in real headless Chromium against parley.jar, as an owner installing Parley and
 * the agents they bring in would: setup, the Agents page with its dialogs and bulk actions, seats, invitations by
 * email through a real SMTP server, live presence, sign-in and sign-out, profile, and ownership transfer. The steps
 * build on each other, in order, on one Parley.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceIT {
    private static final Pattern INVITATION_LINK = Pattern.compile("(http://\\S+/invitation\\?token=[A-Za-z0-9_-]+)");

    @TempDir
    static Path data;

    static GreenMail mail;
    static ParleyProcess parley;
    static Browser owner;
    static Browser invitee;
    static String invitationLink;
    static final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        int port = ParleyProcess.freePort();
        Files.createDirectories(data.resolve("config"));
        Files.writeString(data.resolve("config/org.parley.mail.cfg"), String.join("\n",
                "host=127.0.0.1", "port=" + mail.getSmtp().getPort(), "tls=none", "from=parley@shop.example", ""));
        parley = ParleyProcess.start(data, port);
        parley.awaitHealthy(Duration.ofSeconds(90));
        owner = browser();
    }

    static Browser browser() throws Exception {
        Browser browser = Browser.open("http://localhost:" + parley.port);
        browsers.add(browser);
        return browser;
    }

    @AfterAll
    static void stop() throws Exception {
        for (Browser browser : browsers) {
            browser.close();
        }
        if (parley != null) {
            parley.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @AfterEach
    void noScriptErrors(org.junit.jupiter.api.TestInfo test) throws Exception {
        java.util.Map<String, Browser> named = new java.util.LinkedHashMap<>();
        for (int i = 0; i < browsers.size(); i++) {
            named.put(String.valueOf(i + 1), browsers.get(i));
        }
        Browser.afterStep(test, "workspace-screenshots", named);
    }

    @Test
    @Order(1)
    void theOwnerIsCreatedFromTheSetupLinkInTheLog() throws Exception {
        owner.get("/agents");
        owner.waitPath("/signin?next=%2Fagents");

        owner.get("/setup?token=not-the-token");
        fillSetup("Olivia Owner", "olivia", "correct horse", "olivia@shop.example");
        assertTrue(owner.waitText(".form-error", "not valid").contains("newest link"));

        String token = parley.setupToken();
        owner.get("/setup?token=" + token);
        fillSetup("Olivia Owner", "olivia", "12345", "olivia@shop.example");
        owner.waitText(".form-error", "at least 6 characters");
        owner.waitFor(".field.invalid [name=password]");

        owner.type("[name=password]", "correct horse");
        owner.click("button[type=submit]");
        owner.waitPath("/agents");
        owner.waitText("tr[data-agent=olivia]", "Olivia Owner");
        assertTrue(owner.waitFor("tr[data-agent=olivia]").getText().contains("Owner"));
        owner.waitText(".usage-panel", "1 of 3 seats");
    }

    private static void fillSetup(String name, String username, String password, String email) {
        owner.type("[name=displayName]", name);
        owner.type("[name=username]", username);
        owner.type("[name=password]", password);
        owner.type("[name=email]", email);
        owner.click("button[type=submit]");
    }

    @Test
    @Order(2)
    void addNewAgentStaysOpenWithARedErrorUntilTheInputIsRight() {
        owner.clickButton(".page-actions", "+ Add New Agent");
        owner.type("dialog [name=displayName]", "Adam Agent");
        owner.type("dialog [name=username]", "OLIVIA");
        owner.type("dialog [name=password]", "secret1");
        owner.clickButton("dialog", "Create Agent");
        owner.waitText("dialog .form-error", "already taken");
        owner.waitFor("dialog .field.invalid [name=username]");

        owner.type("dialog [name=username]", "adam");
        owner.clickButton("dialog", "Create Agent");
        owner.waitGone("dialog");
        owner.waitText("tr[data-agent=adam]", "Adam Agent");
        assertTrue(owner.waitFor("tr[data-agent=adam]").getText().contains("No queue"));
        assertTrue(owner.waitFor("tr[data-agent=adam]").getText().contains("Offline"));
        owner.waitText(".usage-panel", "2 of 3 seats");
    }

    @Test
    @Order(3)
    void theSeatLimitShowsInTheDialogAndAPaidPlanLiftsIt() {
        addAgent("Bella Agent", "bella", "secret2");
        owner.waitText(".usage-panel", "All seats are taken");

        owner.clickButton(".page-actions", "+ Add New Agent");
        owner.type("dialog [name=displayName]", "Carl Agent");
        owner.type("dialog [name=username]", "carl");
        owner.type("dialog [name=password]", "secret3");
        owner.clickButton("dialog", "Create Agent");
        assertTrue(owner.waitText("dialog .form-error", "seats").contains("3"));
        owner.clickButton("dialog", "Cancel");

        owner.clickButton(".usage-panel", "Change seats");
        owner.click("dialog input[value=PAID]");
        owner.type("dialog [name=seats]", "1");
        owner.clickButton("dialog", "Save plan");
        owner.waitText("dialog .form-error", "seats");
        owner.type("dialog [name=seats]", "10");
        owner.clickButton("dialog", "Save plan");
        owner.waitGone("dialog");
        owner.waitText(".usage-panel", "3 of 10 seats");
    }

    private static void addAgent(String name, String username, String password) {
        owner.clickButton(".page-actions", "+ Add New Agent");
        owner.type("dialog [name=displayName]", name);
        owner.type("dialog [name=username]", username);
        owner.type("dialog [name=password]", password);
        owner.clickButton("dialog", "Create Agent");
        owner.waitGone("dialog");
        owner.waitFor("tr[data-agent='" + username + "']");
    }

    @Test
    @Order(4)
    void editAgentShowsTheCurrentValuesAndSavesChanges() {
        owner.agentAction("adam", "Edit Agent");
        assertEquals("Adam Agent", owner.waitFor("dialog [name=displayName]").getAttribute("value"));
        owner.type("dialog [name=maxConcurrentSessions]", "0");
        owner.clickButton("dialog", "Save changes");
        owner.waitFor("dialog .field.invalid [name=maxConcurrentSessions]");

        owner.type("dialog [name=displayName]", "Adam Smith");
        owner.type("dialog [name=maxConcurrentSessions]", "3");
        owner.click("dialog [name=showRealPhoneNumbers]");
        owner.type("dialog [name=email]", "adam@shop.example");
        owner.clickButton("dialog", "Save changes");
        owner.waitGone("dialog");
        owner.waitText("tr[data-agent=adam]", "Adam Smith");

        owner.agentAction("adam", "Edit Agent");
        assertEquals("3", owner.waitFor("dialog [name=maxConcurrentSessions]").getAttribute("value"));
        assertTrue(owner.waitFor("dialog [name=showRealPhoneNumbers]").isSelected());
        assertEquals("adam@shop.example", owner.waitFor("dialog [name=email]").getAttribute("value"));
        owner.clickButton("dialog", "Cancel");
        owner.waitGone("dialog");
    }

    @Test
    @Order(5)
    void aDisabledAgentIsStruckThroughWithABadgeAndCanBeEnabledAgain() {
        owner.agentAction("adam", "Disable");
        owner.waitFor("tr.disabled[data-agent=adam]");
        owner.waitText("tr[data-agent=adam]", "Disabled");
        assertTrue(owner.waitFor("tr[data-agent=adam] .agent-name").getCssValue("text-decoration").contains("line-through"));

        owner.agentAction("adam", "Enable");
        owner.waitGone("tr.disabled[data-agent=adam]");
        assertFalse(owner.waitFor("tr[data-agent=adam]").getText().contains("Disabled"));
    }

    @Test
    @Order(6)
    void bulkActionsApplyToTheSelectionAndDeletingConfirmsTheCount() {
        owner.click("tr[data-agent=adam] input[type=checkbox]");
        owner.click("tr[data-agent=bella] input[type=checkbox]");
        owner.waitText(".selected-count", "2 selected");
        owner.click(".bulk-menu > summary");
        owner.clickButton(".bulk-menu", "Disable");
        owner.waitFor("tr.disabled[data-agent=adam]");
        owner.waitFor("tr.disabled[data-agent=bella]");

        owner.click("tr[data-agent=adam] input[type=checkbox]");
        owner.click("tr[data-agent=bella] input[type=checkbox]");
        owner.click(".bulk-menu > summary");
        owner.clickButton(".bulk-menu", "Delete");
        owner.waitText("dialog h2", "Delete 2 agents?");
        assertTrue(owner.waitFor("dialog").getText().contains("no open conversations"));
        owner.clickButton("dialog", "Cancel");
        owner.waitGone("dialog");
        owner.waitFor("tr[data-agent=adam]");

        owner.click(".bulk-menu > summary");
        owner.clickButton(".bulk-menu", "Delete");
        owner.clickButton("dialog", "Delete 2 agents");
        owner.waitGone("tr[data-agent=adam]");
        owner.waitGone("tr[data-agent=bella]");
        owner.waitText(".usage-panel", "1 of 10 seats");
    }

    @Test
    @Order(7)
    void anInvitationEmailLinkCreatesTheAgentAndWorksOnce() throws Exception {
        owner.clickButton(".page-actions", "Invite");
        owner.type("dialog [name=email]", "nina@shop.example");
        owner.type("dialog [name=displayName]", "Nina");
        owner.clickButton("dialog", "Send invitation");
        owner.waitGone("dialog");
        owner.waitText("tr[data-invitation='nina@shop.example']", "Pending");
        owner.waitText(".usage-panel", "2 of 10 seats");

        assertTrue(mail.waitForIncomingEmail(10_000, 1), "the invitation email arrived");
        MimeMessage message = mail.getReceivedMessages()[0];
        assertEquals("nina@shop.example", message.getAllRecipients()[0].toString());
        Matcher link = INVITATION_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), "the email holds the link");
        invitationLink = link.group(1);
        assertTrue(invitationLink.startsWith("http://localhost:" + parley.port + "/invitation?token="),
                "no base URL configured: the link is on the address the owner's browser is at: " + invitationLink);

        invitee = browser();
        invitee.driver.get(invitationLink);
        invitee.waitText(".invitation", "nina@shop.example");
        assertEquals("Nina", invitee.waitFor("[name=displayName]").getAttribute("value"));
        invitee.type("[name=username]", "nina");
        invitee.type("[name=password]", "nina-secret");
        invitee.clickButton("form", "Join");
        invitee.waitPath("/desk");
        assertTrue(invitee.all("nav a[href='/agents']").isEmpty(), "limited access: no Agents page");

        // Live on the owner's page, without reloading.
        owner.waitText("tr[data-agent=nina]", "Nina");
        owner.waitGone("tr[data-invitation='nina@shop.example']");

        invitee.driver.get(invitationLink);
        assertTrue(invitee.waitText(".invitation-dead", "no longer works").contains("used"));

        owner.clickButton(".page-actions", "Invite");
        owner.type("dialog [name=email]", "NINA@shop.example");
        owner.clickButton("dialog", "Send invitation");
        owner.waitText("dialog .form-error", "Email already exists");
        owner.clickButton("dialog", "Cancel");
    }

    @Test
    @Order(8)
    void presenceIsPushedLiveBothWays() {
        invitee.get("/profile");
        invitee.waitText(".presence", "Offline");
        invitee.click(".presence");
        invitee.waitText(".presence", "Online");
        owner.waitText("tr[data-agent=nina] .badge.online", "Online");

        owner.agentAction("nina", "Set offline");
        owner.waitText("tr[data-agent=nina] .badge.offline", "Offline");
        invitee.waitText(".presence", "Offline");
    }

    @Test
    @Order(9)
    void aLimitedAgentIsRefusedTheAgentsPageAndItsApi() {
        invitee.get("/agents");
        invitee.waitText("#parley-main h1", "Not available");
        Object status = ((JavascriptExecutor) invitee.driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/agents', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                        + " body: JSON.stringify({displayName: 'X', username: 'x', password: 'secret1'})})"
                        + ".then(r => done(r.status));");
        assertEquals(403L, status);
    }

    @Test
    @Order(10)
    void disablingSignsTheAgentOutAtOnce() {
        owner.agentAction("nina", "Disable");
        invitee.waitPath("/signin");
        invitee.type("[name=login]", "nina");
        invitee.type("[name=password]", "nina-secret");
        invitee.click("button[type=submit]");
        invitee.waitText(".form-error", "Wrong username, email or password");
        owner.agentAction("nina", "Enable");
        owner.waitGone("tr.disabled[data-agent=nina]");
    }

    @Test
    @Order(11)
    void signInByEmailReturnsToTheRequestedPageAndSignOutEndsTheSession() {
        invitee.get("/profile");
        invitee.waitPath("/signin?next=%2Fprofile");
        invitee.type("[name=login]", "Nina@Shop.Example");
        invitee.type("[name=password]", "wrong-password");
        invitee.click("button[type=submit]");
        invitee.waitText(".form-error", "Wrong");
        invitee.type("[name=password]", "nina-secret");
        invitee.click("button[type=submit]");
        invitee.waitPath("/profile");

        invitee.click("details.account > summary");
        invitee.clickButton("details.account", "Sign out");
        invitee.waitPath("/signin");
        invitee.get("/profile");
        invitee.waitPath("/signin?next=%2Fprofile");
    }

    @Test
    @Order(12)
    void whatAgentsTypeIsShownAsTextNeverRunAsMarkup() {
        addAgent("<img src=x onerror=\"window.pwned=1\">Eve", "eve", "secret4");
        assertTrue(owner.waitText("tr[data-agent=eve] .agent-name", "<img").contains("onerror"));
        assertTrue(owner.all("tr[data-agent=eve] .agent-name img").isEmpty());
        assertNull(((JavascriptExecutor) owner.driver).executeScript("return window.pwned"));
    }

    @Test
    @Order(13)
    void theProfileChangesNameAvatarAndNotifications() throws Exception {
        owner.click("details.account > summary");
        owner.click("details.account a[href='/profile']");
        owner.waitPath("/profile");
        owner.type(".profile-details [name=displayName]", "Olivia O.");
        owner.clickButton(".profile-details", "Save");
        owner.waitText("details.account", "Olivia O.");

        Path png = data.resolve("avatar.png");
        Files.write(png, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        owner.driver.findElement(By.cssSelector("input[type=file][name=avatar]")).sendKeys(png.toString());
        owner.waitFor("details.account img.avatar");
        owner.waitFor(".avatar-row img.avatar.large");

        owner.click(".notifications [name=desktopNotifications]");
        owner.clickButton(".notifications", "Save notifications");
        owner.driver.navigate().refresh();
        assertTrue(owner.waitFor(".notifications [name=desktopNotifications]").isSelected());
    }

    @Test
    @Order(14)
    void theOwnerTransfersOwnershipAndBecomesAFullAccessAgent() {
        owner.get("/agents");
        owner.agentAction("nina", "Transfer ownership");
        owner.clickButton("dialog", "Transfer ownership");
        owner.waitText("tr[data-agent=nina]", "Owner");
        assertFalse(owner.waitFor("tr[data-agent=olivia]").getText().contains("Owner"));
        owner.agentAction("nina", "Edit Agent");
        assertFalse(owner.waitFor("dialog [name=email]").isEnabled(), "only the owner changes email addresses");
        owner.clickButton("dialog", "Cancel");
    }

    @Test
    @Order(15)
    void queuesAreCreatedRenamedAndDeletedAndShownAsBadges() {
        owner.get("/agents");
        owner.clickButton(".queues", "+ New queue");
        owner.type("dialog [name=name]", "Returns");
        owner.clickButton("dialog", "Create queue");
        owner.waitText(".queue-list", "Returns");

        owner.agentAction("eve", "Edit Agent");
        owner.click("dialog input[name=queueIds]");
        owner.clickButton("dialog", "Save changes");
        owner.waitText("tr[data-agent=eve] .badge.queue", "Returns");

        owner.clickButton(".queue-list", "Rename");
        owner.type("dialog [name=name]", "Refunds");
        owner.clickButton("dialog", "Rename");
        owner.waitText("tr[data-agent=eve] .badge.queue", "Refunds");

        owner.clickButton(".queue-list", "Delete");
        owner.clickButton("dialog", "Delete queue");
        owner.waitText("tr[data-agent=eve]", "No queue");
        owner.waitText(".queues", "No queues yet.");
    }

    @Test
    @Order(16)
    void anInactiveAgentIsMarkedAndCannotGoOnline() throws Exception {
        owner.agentAction("eve", "Deactivate");
        owner.waitText("tr[data-agent=eve]", "Inactive");
        Browser eve = browser();
        eve.get("/signin");
        eve.type("[name=login]", "eve");
        eve.type("[name=password]", "secret4");
        eve.click("button[type=submit]");
        eve.waitFor("header .presence");
        assertFalse(eve.waitFor("header .presence").isEnabled(), "inactive agents do not go online");
        owner.agentAction("eve", "Activate");
        owner.waitGone("tr[data-agent=eve] .badge.inactive");
        new org.openqa.selenium.support.ui.WebDriverWait(eve.driver, Duration.ofSeconds(10))
                .until(d -> eve.waitFor("header .presence").isEnabled());
    }

    @Test
    @Order(17)
    void aResentInvitationReplacesTheLinkAndARevokedOneShowsWhy() throws Exception {
        owner.clickButton(".page-actions", "Invite");
        owner.type("dialog [name=email]", "rita@shop.example");
        owner.clickButton("dialog", "Send invitation");
        owner.waitText("tr[data-invitation='rita@shop.example']", "Pending");
        String first = linkOfMessage(2);

        owner.clickButton("tr[data-invitation='rita@shop.example']", "Resend");
        String second = linkOfMessage(3);
        assertFalse(first.equals(second), "a new link");
        Browser rita = browser();
        rita.driver.get(first);
        rita.waitText(".invitation-dead", "no longer works");
        rita.driver.get(second);
        rita.waitText(".invitation", "rita@shop.example");

        owner.clickButton("tr[data-invitation='rita@shop.example']", "Revoke");
        owner.clickButton("dialog", "Revoke");
        owner.waitGone("tr[data-invitation='rita@shop.example']");
        rita.driver.get(second);
        assertTrue(rita.waitText(".invitation-dead", "no longer works").contains("revoked"));
    }

    private static String linkOfMessage(int count) throws Exception {
        assertTrue(mail.waitForIncomingEmail(10_000, count), "email " + count + " arrived");
        MimeMessage message = mail.getReceivedMessages()[count - 1];
        Matcher link = INVITATION_LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
        assertTrue(link.find(), "the email holds the link");
        return link.group(1);
    }

    @Test
    @Order(18)
    void anAgentChangesTheirPasswordOnTheProfileAndSignsInWithIt() {
        owner.get("/profile");
        owner.type(".password [name=currentPassword]", "wrong one");
        owner.type(".password [name=password]", "new horse battery");
        owner.type(".password [name=repeat]", "new horse battery");
        owner.clickButton(".password", "Change password");
        owner.waitText(".password .form-error", "password");
        owner.type(".password [name=currentPassword]", "correct horse");
        owner.type(".password [name=password]", "new horse battery");
        owner.type(".password [name=repeat]", "new horse battery");
        owner.clickButton(".password", "Change password");
        owner.waitGone(".password .form-error");

        owner.click("details.account > summary");
        owner.clickButton("details.account", "Sign out");
        owner.waitPath("/signin");
        owner.type("[name=login]", "olivia");
        owner.type("[name=password]", "new horse battery");
        owner.click("button[type=submit]");
        owner.waitFor("header .presence");
    }
}
