package org.parley.agent.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentDirectory;
import org.parley.agent.api.NewAgent;
import org.parley.platform.http.LocalAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First start without default passwords: while there is no owner, a random one-time token, logged at start-up as a
 * link, is the only way to create one. The token lives in memory; a restart logs a new one.
 */
@Component(service = OwnerSetup.class, immediate = true)
public final class OwnerSetup {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerSetup.class);

    private final AgentDirectory directory;
    private final String address;
    private final AtomicReference<String> token = new AtomicReference<>();

    @Activate
    public OwnerSetup(@Reference AgentDirectory directory,
            @Reference(service = HttpServiceRuntime.class) Map<String, Object> http) {
        this(directory, LocalAddresses.preferred(http.get(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT),
                "http://localhost:8080/"));
    }

    /** @param address where a person on this machine reaches Parley, such as {@code https://localhost:8443/} */
    OwnerSetup(AgentDirectory directory, String address) {
        this.directory = directory;
        this.address = address;
        if (!ownerExists()) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            token.set(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            LOG.info("Parley has no owner yet. Create the owner at {}", link());
        }
    }

    /** Where the person installing Parley creates the owner: over HTTPS when Parley serves it. */
    String link() {
        String current = token.get();
        return address + "setup?token=" + (current == null ? "" : current);
    }

    boolean ownerExists() {
        return directory.list().stream().anyMatch(Agent::isOwner);
    }

    /**
     * Creates the owner: 409 once there is one, 403 without the valid token, and the directory's refusals for the
     * fields. The token is used up only when the owner is created, so a typo can be corrected.
     */
    Agent createOwner(String presented, NewAgent owner) {
        if (ownerExists()) {
            throw Refusals.conflict("Parley already has an owner; sign in instead");
        }
        String expected = token.get();
        if (expected == null || presented == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw Refusals.forbidden("token", "Use the setup link that Parley logged when it started");
        }
        // A second request with the same token loses in the directory: there is only ever one owner.
        Agent created = directory.create(owner);
        token.compareAndSet(expected, null);
        LOG.info("Owner '{}' created; the setup link no longer works", created.username());
        return created;
    }
}
