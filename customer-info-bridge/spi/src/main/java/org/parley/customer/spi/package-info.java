/**
 * The customer-info SPI: what a shop adapter implements so agents see the shop's customer record while they
 * chat with a signed-in visitor. See {@link org.parley.customer.spi.CustomerInfoProvider} and the bundle's
 * README for the full contract.
 */
@Version("1.0.0")
package org.parley.customer.spi;

import org.osgi.annotation.versioning.Version;
