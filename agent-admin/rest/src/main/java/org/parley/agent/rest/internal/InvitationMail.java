package org.parley.agent.rest.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Properties;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPSSLTransport;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.NewInvitation;

/**
 * Sends invitation emails through the SMTP server of {@link MailConfiguration}. Without a host it sends nothing and
 * says so, so that nobody is told an invitation went out when it did not.
 */
@Component(service = InvitationMail.class, configurationPid = MailConfiguration.PID)
@Designate(ocd = MailConfiguration.class)
public final class InvitationMail {
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final String TIMEOUT_MILLIS = "20000";

    /** The email could not be sent; the message says why, fit for the person who tried. */
    static final class NotSent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A host name or IP literal with an optional port, as Host headers and origins carry them. */
    private static final String HOST_PART = "(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?";
    private static final Pattern HOST = Pattern.compile(HOST_PART);
    private static final Pattern ADDRESS = Pattern.compile("https?://" + HOST_PART);

    private final MailConfiguration config;

    @Activate
    public InvitationMail(MailConfiguration config) {
        this.config = config;
    }

    /** Whether a host is configured. */
    boolean isConfigured() {
        return !config.host().isBlank();
    }

    /**
     * The link in the email, which the admin page's {@code /invitation} route reads the token from: on the configured
     * base URL, else on the address the inviting person's browser is at.
     */
    String link(String token, String browserAddress) {
        String base = config.baseUrl().isBlank() ? browserAddress : config.baseUrl();
        return base.strip().replaceAll("/+$", "") + "/invitation?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /**
     * The address the browser that sent the request is at: its {@code Origin} (sent with every POST), else the
     * {@code Host} it asked for. Behind a reverse proxy that is the public address, as long as the proxy passes the
     * Host header on. Only the signed-in inviter's own emails carry it.
     */
    static String browserAddress(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && ADDRESS.matcher(origin).matches()) {
            return origin;
        }
        String host = request.getHeader("Host");
        if (host != null && HOST.matcher(host).matches()) {
            return (request.isSecure() ? "https://" : "http://") + host;
        }
        return "http://localhost:8080";
    }

    /** Sends the invitation with its link; throws {@link NotSent} when the server does not take it. */
    void send(NewInvitation sent, Agent inviter, String browserAddress) {
        if (!isConfigured()) {
            throw new NotSent("Parley cannot send email yet: set the SMTP host in the configuration "
                    + MailConfiguration.PID, null);
        }
        String to = sent.invitation().email();
        String body = inviter.displayName() + " invited you to answer chats with Parley, with "
                + (sent.invitation().accessLevel() == AccessLevel.FULL ? "full" : "limited") + " access.\n\n"
                + "Accept the invitation and choose your username and password here:\n"
                + link(sent.token(), browserAddress) + "\n\n"
                + "The link works until " + EXPIRY.format(sent.invitation().expiresAt()) + ", once.\n"
                + "If you did not expect this invitation, ignore this email.\n";
        // Jakarta Mail finds its stream and activation providers through the thread's context class loader; in OSGi
        // that must be Angus' own bundle, which holds the META-INF/services entries.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SMTPTransport.class.getClassLoader());
        try {
            Session session = Session.getInstance(properties());
            MimeMessage message = new MimeMessage(session);
            message.setFrom(sender());
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject("You are invited to answer chats with Parley", "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            message.saveChanges();
            transmit(session, message);
        } catch (MessagingException e) {
            throw new NotSent("The invitation email to " + to + " could not be sent: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The transport is created directly rather than looked up by protocol name: that look-up reads provider lists
     * from class loaders, which does not work across OSGi bundles.
     */
    private void transmit(Session session, MimeMessage message) throws MessagingException {
        boolean ssl = config.tls() == MailConfiguration.Tls.ssl;
        String user = config.user().isBlank() ? null : config.user();
        String password = user == null ? null : config._password();
        URLName url = new URLName(ssl ? "smtps" : "smtp", config.host(), config.port(), null, user, password);
        Transport transport = ssl ? new SMTPSSLTransport(session, url) : new SMTPTransport(session, url);
        try {
            transport.connect(config.host(), config.port(), user, password);
            transport.sendMessage(message, message.getAllRecipients());
        } finally {
            transport.close();
        }
    }

    private Properties properties() {
        String protocol = config.tls() == MailConfiguration.Tls.ssl ? "smtps" : "smtp";
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.setProperty(prefix + "host", config.host());
        properties.setProperty(prefix + "port", Integer.toString(config.port()));
        properties.setProperty(prefix + "auth", Boolean.toString(!config.user().isBlank()));
        properties.setProperty(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty(prefix + "timeout", TIMEOUT_MILLIS);
        properties.setProperty(prefix + "writetimeout", TIMEOUT_MILLIS);
        if (config.tls() == MailConfiguration.Tls.starttls) {
            // Required, not just enabled: otherwise a man in the middle strips STARTTLS and reads the link.
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (config.tls() != MailConfiguration.Tls.none) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private InternetAddress sender() throws AddressException {
        String from = config.from().isBlank() ? config.user() : config.from();
        if (from.isBlank()) {
            throw new AddressException("Set the sender address in the configuration " + MailConfiguration.PID);
        }
        return new InternetAddress(from, true);
    }
}
