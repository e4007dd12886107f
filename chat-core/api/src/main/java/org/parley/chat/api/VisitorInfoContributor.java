package org.parley.chat.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds a section to the visitor info that agents see, without chat core knowing where it comes from. Other bundles
 * register implementations as OSGi services (the whiteboard pattern); chat core asks each of them when it assembles
 * a visitor's info, and copes with them coming and going.
 */
@ConsumerType
public interface VisitorInfoContributor {
    /**
     * The section for this visitor, or empty when the contributor has nothing to add. Called on request threads:
     * answer quickly, and cache or time out any remote call.
     */
    Optional<VisitorInfoSection> contribute(Visitor visitor);
}
