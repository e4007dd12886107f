package org.parley.adapter.woocommerce.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Checks what bnd generated from the annotations, since a launcher only sees the XML. */
class ComponentDescriptionTest {
    @Test
    void registersForItsPlatformOnlyWithAConfiguration() throws IOException {
        String component = generated("OSGI-INF/" + WooCommerceProvider.class.getName() + ".xml");
        assertTrue(component.contains(
                "<property name=\"parley.shop.platform\" type=\"String\" value=\"woocommerce\"/>"), component);
        assertTrue(component.contains("configuration-policy=\"require\""), component);
        assertTrue(component.contains("configuration-pid=\"org.parley.adapter.woocommerce\""), component);
        assertTrue(component.contains("<provide interface=\"org.parley.customer.spi.CustomerInfoProvider\"/>"),
                component);
    }

    @Test
    void isAFactoryConfigurationWithAHiddenSecret() throws IOException {
        String metatype = generated("OSGI-INF/metatype/org.parley.adapter.woocommerce.xml");
        assertTrue(metatype.contains("factoryPid=\"org.parley.adapter.woocommerce\""), metatype);
        assertTrue(metatype.contains("id=\".consumerSecret\""), metatype);
        assertTrue(metatype.contains("type=\"Password\""), metatype);
    }

    private static String generated(String path) throws IOException {
        try (InputStream in = ComponentDescriptionTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path + " was not generated");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
