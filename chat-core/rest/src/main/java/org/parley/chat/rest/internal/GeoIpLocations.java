package org.parley.chat.rest.internal;

import com.maxmind.db.Reader;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * Locations from a MaxMind database file (GeoIP2/GeoLite2 City or Country). Uses MaxMind's own reader
 * ({@code com.maxmind.db:maxmind-db}, dependency-free, embedded) rather than the {@code geoip2} wrapper, which adds
 * only typed models and needs a newer Jackson than Parley runs; the records are read as maps with the documented
 * GeoIP2 keys ({@code country.iso_code}, {@code city.names.en}).
 */
final class GeoIpLocations implements Closeable {
    private final Reader reader;

    GeoIpLocations(File database) throws IOException {
        // MEMORY_MAPPED: the file is mapped, not read into the heap; replacing it needs a configuration update.
        this.reader = new Reader(database, Reader.FileMode.MEMORY_MAPPED);
    }

    /** The database's type, such as "GeoLite2-City". */
    String type() {
        return reader.getMetadata().databaseType();
    }

    /** The address's country code and city name, as far as the database knows them. */
    Optional<Location> locate(String address) {
        byte[] bytes = TrustedProxies.literal(address);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> record = reader.get(InetAddress.getByAddress(bytes), Map.class);
            if (record == null) {
                return Optional.empty();
            }
            String country = text(record, "country", "iso_code");
            String city = text(record, "city", "names", "en");
            return country == null && city == null ? Optional.empty() : Optional.of(new Location(country, city));
        } catch (IOException | RuntimeException e) {
            // A damaged or mismatched file (an IPv6 address in an IPv4 database) only loses the location.
            return Optional.empty();
        }
    }

    private static String text(Map<String, Object> record, String... path) {
        Object value = record;
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value instanceof String text && !text.isBlank() ? text : null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** A country code and city name, either of which may be null. */
    record Location(String country, String city) {}
}
