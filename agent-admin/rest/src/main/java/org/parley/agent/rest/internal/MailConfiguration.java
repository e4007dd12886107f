package org.parley.agent.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The SMTP server Parley sends invitation emails through; configuration PID {@code org.parley.mail}. */
@ObjectClassDefinition(name = "Parley email (SMTP)",
        description = "The SMTP server Parley sends email through, such as invitations for new agents.")
public @interface MailConfiguration {
    String PID = "org.parley.mail";

    /** How the connection to the SMTP server is protected. */
    enum Tls {
        none,
        starttls,
        ssl
    }

    @AttributeDefinition(name = "SMTP host", description = "Host name of the SMTP server. Empty: Parley sends no"
            + " email, and inviting agents is refused until it is set.")
    String host() default "";

    @AttributeDefinition(name = "SMTP port", description = "Port of the SMTP server: usually 587 with STARTTLS, 465"
            + " with SSL, 25 without encryption.", min = "1", max = "65535")
    int port() default 587;

    @AttributeDefinition(name = "Encryption", description = "starttls: upgrade the connection and refuse to send"
            + " without it; ssl: TLS from the first byte (SMTPS); none: plain text, only for a server on the same"
            + " host or network.", options = {
                    @Option(label = "STARTTLS (required)", value = "starttls"),
                    @Option(label = "SSL/TLS (SMTPS)", value = "ssl"),
                    @Option(label = "None", value = "none")})
    Tls tls() default Tls.starttls;

    @AttributeDefinition(name = "User", description = "User name for SMTP authentication. Empty: send without"
            + " authenticating.", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", description = "Password for SMTP authentication. Kept out of service"
            + " properties (the attribute's name starts with a dot).", type = org.osgi.service.metatype.annotations
                    .AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "Sender address", description = "The From address of Parley's email, e.g."
            + " \"Parley <chat@shop.example>\". Empty: the SMTP user, if it is an address.", required = false)
    String from() default "";

    @AttributeDefinition(name = "Public base URL", description = "Where agents reach Parley in their browser,"
            + " such as https://chat.shop.example; links in email start with it. Empty: the address the inviting"
            + " person's browser is at (the request's Origin), which is right behind a reverse proxy too.")
    String baseUrl() default "";
}
