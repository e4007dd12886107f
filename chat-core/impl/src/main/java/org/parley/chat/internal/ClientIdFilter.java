package org.parley.chat.internal;

import java.util.Collection;

/**
 * The client message ids a conversation has stored, as a Bloom filter: "not there" is certain, "maybe" is asked of
 * the table. It spares a message's writer the table's look-up for a repeated client id, which almost every message
 * would answer with "none". Only ever added to, by the conversation's writer thread; an id added for a message that
 * was then not committed only makes a "maybe" more.
 */
final class ClientIdFilter {
    private static final int HASHES = 3;
    /** Bits per id it is made for: about 1 % false "maybe" with three hashes at that load. */
    private static final int BITS_PER_ID = 10;

    private final long[] bits;
    private final int mask;
    private final int capacity;
    private int added;

    private ClientIdFilter(int ids) {
        int size = Integer.highestOneBit(Math.max(1024, ids * BITS_PER_ID) - 1) << 1;
        this.bits = new long[size / 64];
        this.mask = size - 1;
        this.capacity = size / BITS_PER_ID;
    }

    /** A filter holding these ids, with room for as many again (at least a hundred). */
    static ClientIdFilter of(Collection<String> ids) {
        ClientIdFilter filter = new ClientIdFilter(Math.max(100, ids.size() * 2));
        ids.forEach(filter::add);
        return filter;
    }

    void add(String clientMessageId) {
        int h1 = clientMessageId.hashCode();
        int h2 = mix(h1);
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            bits[bit >>> 6] |= 1L << bit;
        }
        added++;
    }

    /** False when the id was certainly never added. */
    boolean mightContain(String clientMessageId) {
        int h1 = clientMessageId.hashCode();
        int h2 = mix(h1);
        for (int i = 0; i < HASHES; i++) {
            int bit = (h1 + i * h2) & mask;
            if ((bits[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether it holds more ids than it was made for: its "maybe" comes too often then, and a larger one is due. */
    boolean full() {
        return added > capacity;
    }

    /** A second hash from the first (odd, so that every bit can be reached). */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h | 1;
    }
}
