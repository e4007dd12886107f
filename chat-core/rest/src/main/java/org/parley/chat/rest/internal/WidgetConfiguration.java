package org.parley.chat.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the chat widget may run; configuration PID {@code org.parley.widget}. */
@ObjectClassDefinition(name = "Parley chat widget",
        description = "The shop sites whose pages may embed the chat widget and call the visitors' API.")
public @interface WidgetConfiguration {
    String PID = "org.parley.widget";

    @AttributeDefinition(name = "Allowed origins",
            description = "Origins of the shop's pages, such as https://shop.example (scheme, host and port if not "
                    + "the default). '*' allows every site: visitors' requests carry their own token, never "
                    + "cookies, so another site gains nothing but its own visitors.")
    String[] allowedOrigins() default {"*"};
}
