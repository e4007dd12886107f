package org.parley.customer.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.parley.chat.api.Visitor;
import org.parley.chat.api.VisitorInfoContributor;
import org.parley.chat.api.VisitorInfoSection;
import org.parley.customer.spi.CustomerInfoProvider;
import org.parley.customer.spi.CustomerLookup;
import org.parley.customer.spi.CustomerReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the shop's customer record to the info of a visitor who is signed in to the shop, asking the adapter
 * registered for the shop's platform. Answers come from a short cache; a slow shop makes the section "pending"
 * instead of holding up the agent.
 */
@Component(service = VisitorInfoContributor.class, configurationPid = CustomerInfoConfig.PID)
@Designate(ocd = CustomerInfoConfig.class)
public class CustomerInfoContributor implements VisitorInfoContributor {
    /** A shop that is down is asked again after this long at most. */
    static final Duration FAILURE_CACHE_TIME = Duration.ofSeconds(10);
    /** Adapters must time out on their own; past this the bridge gives up on them so the cache recovers. */
    static final Duration ADAPTER_LIMIT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(CustomerInfoContributor.class);

    private final CustomerLinks links;
    private final ShopAdapters adapters = new ShopAdapters();
    private final LookupCache cache;
    private final ExecutorService workers;
    private final Duration answerWait;

    @Activate
    public CustomerInfoContributor(CustomerInfoConfig config, @Reference(name = "links") CustomerLinks links) {
        this(links, Clock.systemUTC(), Duration.ofSeconds(config.cacheSeconds()), config.cacheSize(),
                Duration.ofMillis(config.answerWaitMillis()));
    }

    CustomerInfoContributor(CustomerLinks links, Clock clock, Duration cacheTime, int cacheSize, Duration answerWait) {
        this.links = links;
        Duration failureTime = cacheTime.compareTo(FAILURE_CACHE_TIME) < 0 ? cacheTime : FAILURE_CACHE_TIME;
        this.cache = new LookupCache(clock, cacheTime, failureTime, Math.max(1, cacheSize));
        this.workers = LookupWorkers.create();
        this.answerWait = answerWait;
    }

    @Reference(
            service = CustomerInfoProvider.class,
            cardinality = ReferenceCardinality.MULTIPLE,
            unbind = "unbindProvider",
            updated = "updatedProvider",
            policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindProvider(CustomerInfoProvider provider, Map<String, Object> properties) {
        String platform = adapters.add(provider, properties);
        if (platform == null) {
            LOG.warn("Ignoring shop adapter {}: it has no {} service property (use @ShopPlatform)",
                    provider.getClass().getName(), CustomerInfoProvider.PLATFORM_PROPERTY);
            return;
        }
        LOG.info("Shop adapter for {} is available", platform);
    }

    void updatedProvider(CustomerInfoProvider provider, Map<String, Object> properties) {
        // Ranking or platform may have changed: file it again.
        forgetProvider(provider);
        bindProvider(provider, properties);
    }

    void unbindProvider(CustomerInfoProvider provider, Map<String, Object> properties) {
        String platform = forgetProvider(provider);
        if (platform != null) {
            LOG.info("Shop adapter for {} went away", platform);
        }
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    @Override
    public Optional<VisitorInfoSection> contribute(Visitor visitor) {
        return links.find(visitor.id()).map(this::section);
    }

    private VisitorInfoSection section(CustomerReference customer) {
        Optional<CustomerInfoProvider> adapter = adapters.forPlatform(customer.platform());
        if (adapter.isEmpty()) {
            return CustomerSection.unavailable(
                    customer, "No adapter for the shop platform '" + customer.platform() + "' is running.");
        }
        CompletableFuture<CustomerLookup> answer;
        try {
            answer = cache.get(customer, adapter.get(), c -> ask(adapter.get(), c));
        } catch (RejectedExecutionException e) {
            return CustomerSection.unavailable(customer, "Too many shop lookups at once; refresh in a moment.");
        }
        try {
            return CustomerSection.of(customer, answer.get(answerWait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return CustomerSection.pending(customer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CustomerSection.pending(customer);
        } catch (ExecutionException e) {
            return CustomerSection.unavailable(customer, "The shop adapter failed: " + e.getCause());
        }
    }

    private CompletableFuture<CustomerLookup> ask(CustomerInfoProvider adapter, CustomerReference customer) {
        return CompletableFuture.supplyAsync(() -> lookup(adapter, customer), workers)
                .completeOnTimeout(
                        CustomerLookup.unavailable("The shop adapter gave no answer within "
                                + ADAPTER_LIMIT.toSeconds() + " s."),
                        ADAPTER_LIMIT.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** The SPI says adapters must not throw; this keeps the cache sane when one does anyway. */
    private static CustomerLookup lookup(CustomerInfoProvider adapter, CustomerReference customer) {
        try {
            CustomerLookup lookup = adapter.lookup(customer);
            return lookup != null ? lookup : CustomerLookup.unavailable("The shop adapter returned no answer.");
        } catch (RuntimeException e) {
            LOG.warn("Shop adapter for {} failed looking up a customer", customer.platform(), e);
            return CustomerLookup.unavailable("The shop adapter failed: " + e);
        }
    }

    private String forgetProvider(CustomerInfoProvider provider) {
        String platform = adapters.remove(provider);
        if (platform != null) {
            cache.forget(platform);
        }
        return platform;
    }
}
