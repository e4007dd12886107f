package org.parley.chat.rest.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small MaxMind DB files (format 2.0, IPv6 tree with IPv4 under ::/96, 24-bit records) for tests. MaxMind
 * publishes test databases only in its MaxMind-DB repository, not on Maven Central, and its writers are Perl and Go;
 * this follows the published format specification so the real reader can be tested on a real file.
 */
final class TestMmdb {
    private static final byte[] METADATA_MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i',
            'n', 'd', '.', 'c', 'o', 'm'};

    /** A node of the search tree: each side is null (no data), another Node, or an Integer offset into the data. */
    private static final class Node {
        final Object[] sides = new Object[2];
        int number;
    }

    private final Node root = new Node();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    /** Maps a network such as "203.0.113.0/24" or "2001:db8::/32" to the record. */
    TestMmdb add(String cidr, Map<String, Object> record) throws Exception {
        String[] parts = cidr.split("/");
        byte[] address = InetAddress.getByName(parts[0]).getAddress();
        int prefix = Integer.parseInt(parts[1]);
        if (address.length == 4) {
            byte[] mapped = new byte[16];
            System.arraycopy(address, 0, mapped, 12, 4);
            address = mapped;
            prefix += 96;
        }
        int offset = data.size();
        encode(record, data);
        Node node = root;
        for (int bit = 0; bit < prefix; bit++) {
            int side = (address[bit / 8] >> (7 - bit % 8)) & 1;
            if (bit == prefix - 1) {
                node.sides[side] = offset;
            } else {
                if (!(node.sides[side] instanceof Node)) {
                    node.sides[side] = new Node();
                }
                node = (Node) node.sides[side];
            }
        }
        return this;
    }

    byte[] toBytes(String databaseType) {
        List<Node> nodes = new ArrayList<>();
        number(root, nodes);
        int count = nodes.size();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Node node : nodes) {
            for (Object side : node.sides) {
                long record = side == null ? count : side instanceof Node child ? child.number : count + 16L + (Integer) side;
                file.write((int) (record >> 16) & 0xFF);
                file.write((int) (record >> 8) & 0xFF);
                file.write((int) record & 0xFF);
            }
        }
        file.writeBytes(new byte[16]);
        file.writeBytes(data.toByteArray());
        file.writeBytes(METADATA_MARKER);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("binary_format_major_version", new Uint16(2));
        metadata.put("binary_format_minor_version", new Uint16(0));
        metadata.put("build_epoch", new Uint64(BigInteger.valueOf(1_700_000_000L)));
        metadata.put("database_type", databaseType);
        metadata.put("description", Map.of("en", "Parley test database"));
        metadata.put("ip_version", new Uint16(6));
        metadata.put("languages", List.of("en"));
        metadata.put("node_count", new Uint32(count));
        metadata.put("record_size", new Uint16(24));
        encode(metadata, file);
        return file.toByteArray();
    }

    private static void number(Node node, List<Node> nodes) {
        node.number = nodes.size();
        nodes.add(node);
        for (Object side : node.sides) {
            if (side instanceof Node child) {
                number(child, nodes);
            }
        }
    }

    record Uint16(int value) {}

    record Uint32(long value) {}

    record Uint64(BigInteger value) {}

    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            control(2, bytes.length, out);
            out.writeBytes(bytes);
        } else if (value instanceof Map<?, ?> map) {
            control(7, map.size(), out);
            map.forEach((key, item) -> {
                encode(String.valueOf(key), out);
                encode(item, out);
            });
        } else if (value instanceof List<?> list) {
            control(11, list.size(), out);
            list.forEach(item -> encode(item, out));
        } else if (value instanceof Uint16 n) {
            unsigned(5, BigInteger.valueOf(n.value()), out);
        } else if (value instanceof Uint32 n) {
            unsigned(6, BigInteger.valueOf(n.value()), out);
        } else if (value instanceof Uint64 n) {
            unsigned(9, n.value(), out);
        } else {
            throw new IllegalArgumentException("Cannot encode " + value);
        }
    }

    private static void unsigned(int type, BigInteger value, ByteArrayOutputStream out) {
        byte[] bytes = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = bytes.length > 0 && bytes[0] == 0 ? 1 : 0;
        control(type, bytes.length - skip, out);
        out.write(bytes, skip, bytes.length - skip);
    }

    /** The control byte: type in the top three bits (extended types in a second byte), then the size. */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        int typeBits = type <= 7 ? type << 5 : 0;
        byte[] extra;
        int sizeBits;
        if (size < 29) {
            sizeBits = size;
            extra = new byte[0];
        } else if (size < 285) {
            sizeBits = 29;
            extra = new byte[] {(byte) (size - 29)};
        } else if (size < 65_821) {
            sizeBits = 30;
            extra = new byte[] {(byte) ((size - 285) >> 8), (byte) (size - 285)};
        } else {
            sizeBits = 31;
            int rest = size - 65_821;
            extra = new byte[] {(byte) (rest >> 16), (byte) (rest >> 8), (byte) rest};
        }
        out.write(typeBits | sizeBits);
        if (type > 7) {
            out.write(type - 7);
        }
        out.writeBytes(extra);
    }
}
