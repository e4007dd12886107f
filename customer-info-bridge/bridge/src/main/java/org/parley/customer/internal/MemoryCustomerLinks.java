package org.parley.customer.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.parley.customer.spi.CustomerReference;

/** {@link CustomerLinks} kept in memory until they are persisted; lost on restart, like the visitors' sessions. */
@Component(service = CustomerLinks.class)
public class MemoryCustomerLinks implements CustomerLinks {
    /** Bounds memory on a busy shop; the least recently used links go first. */
    static final int MAX_LINKS = 100_000;

    private final Map<String, CustomerReference> links;

    public MemoryCustomerLinks() {
        this(MAX_LINKS);
    }

    MemoryCustomerLinks(int maxLinks) {
        this.links = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CustomerReference> eldest) {
                return size() > maxLinks;
            }
        };
    }

    @Override
    public synchronized void link(String visitorId, CustomerReference customer) {
        links.put(Objects.requireNonNull(visitorId, "visitorId"), Objects.requireNonNull(customer, "customer"));
    }

    @Override
    public synchronized void unlink(String visitorId) {
        links.remove(visitorId);
    }

    @Override
    public synchronized Optional<CustomerReference> find(String visitorId) {
        return Optional.ofNullable(links.get(visitorId));
    }
}
