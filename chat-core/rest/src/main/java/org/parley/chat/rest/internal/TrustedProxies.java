package org.parley.chat.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** The configured proxies as address ranges; an address outside them is never believed about anyone else. */
final class TrustedProxies {
    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses addresses and CIDR ranges; each entry may list several, separated by commas or blanks (a {@code .cfg}
     * file gives one text).
     *
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    static TrustedProxies of(String... entries) {
        return of(entries, bad -> {
            throw new IllegalArgumentException("Not an IP address or CIDR range: " + bad);
        });
    }

    /** Parses addresses and CIDR ranges, handing each entry that is neither to {@code rejected}. */
    static TrustedProxies of(String[] entries, java.util.function.Consumer<String> rejected) {
        List<Range> ranges = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry != null && !entry.isBlank()) {
                texts.addAll(List.of(entry.strip().split("[,\\s]+")));
            }
        }
        for (String text : texts) {
            int slash = text.indexOf('/');
            byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                rejected.accept(text);
                continue;
            }
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    rejected.accept(text);
                    continue;
                }
            }
            ranges.add(new Range(address, prefix));
        }
        return new TrustedProxies(ranges);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean contains(String address) {
        byte[] bytes = literal(address);
        return bytes != null && ranges.stream().anyMatch(range -> range.contains(bytes));
    }

    /**
     * The bytes of an IP address literal (an IPv4-mapped IPv6 address as IPv4), or null for anything else. Never
     * asks DNS: only text made of digits, hex digits, dots and colons reaches {@link InetAddress#getByName}.
     */
    static byte[] literal(String text) {
        String address = text == null ? "" : text.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.isEmpty() || address.length() > 45 || !address.matches("[0-9A-Fa-f.:]+")
                || (address.indexOf(':') < 0 && !address.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
