package org.parley.customer.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a {@link CustomerInfoProvider} component with the platform it serves, so adapters never type the raw
 * service property. Provided by Parley; adapters put it on their component class:
 *
 * <pre>{@code
 * @Component(service = CustomerInfoProvider.class)
 * @ShopPlatform("woocommerce")
 * public class WooCommerceProvider implements CustomerInfoProvider { ... }
 * }</pre>
 *
 * This sets the service property {@value CustomerInfoProvider#PLATFORM_PROPERTY} to the value.
 */
@ProviderType
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ShopPlatform {
    /** With DS' naming rule for single-element annotations this yields {@code parley.shop.platform}. */
    String PREFIX_ = "parley.";

    /**
     * The platform's lower-case name, the same as in {@link CustomerReference#platform()}, e.g.
     * {@code "woocommerce"}, {@code "shopify"}, {@code "magento"}.
     */
    String value();
}
