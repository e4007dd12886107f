package org.parley.adapter.woocommerce.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = WooCommerceConfig.PID,
        name = "Parley WooCommerce shop",
        description = "A WooCommerce shop whose customer records agents see beside the chat; one configuration per"
                + " shop. Create a REST API key with Read permission under WooCommerce > Settings > Advanced >"
                + " REST API.")
@interface WooCommerceConfig {
    String PID = "org.parley.adapter.woocommerce";

    @AttributeDefinition(
            name = "Shop URL",
            description = "The shop's address, e.g. https://shop.example.com, including the WordPress folder if"
                    + " there is one. HTTPS is required because the key is sent as HTTP Basic credentials; plain"
                    + " http is accepted only for a shop on this machine (localhost).")
    String shopUrl();

    @AttributeDefinition(name = "Consumer key", description = "The REST API key's consumer key (ck_...).")
    String consumerKey();

    @AttributeDefinition(
            name = "Consumer secret",
            description = "The REST API key's consumer secret (cs_...). Kept out of the service properties.",
            type = AttributeType.PASSWORD)
    String _consumerSecret();

    @AttributeDefinition(
            name = "Time-out (milliseconds)",
            description = "The longest one customer lookup may take, all its requests together; after it agents see"
                    + " the shop as unavailable.",
            min = "100",
            max = "60000")
    int timeoutMillis() default 5000;
}
