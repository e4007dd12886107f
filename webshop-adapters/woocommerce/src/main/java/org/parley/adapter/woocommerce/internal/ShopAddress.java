package org.parley.adapter.woocommerce.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/** Checks a configured shop URL: the consumer secret travels in every request, so only HTTPS leaves the machine. */
final class ShopAddress {
    private ShopAddress() {}

    /**
     * The shop's base URL, ending in "/" so API paths resolve below it.
     *
     * @throws IllegalArgumentException when it is not an absolute https URL, or http to this machine
     */
    static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The WooCommerce shop URL is not configured");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The WooCommerce shop URL is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException("The WooCommerce shop URL must be https://...: " + url
                    + " (the consumer key would travel unencrypted; plain http is allowed only to localhost)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The WooCommerce shop URL must be a plain address: " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are checked, so no DNS lookup happens at activation.
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
