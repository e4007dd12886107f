package org.parley.chat.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClientIdFilterTest {

    @Test
    void everyIdAddedIsAMaybeAndFewOthersAre() {
        List<String> stored = ids(300);
        ClientIdFilter filter = ClientIdFilter.of(stored);
        List<String> added = ids(200);
        added.forEach(filter::add);
        stored.forEach(id -> assertTrue(filter.mightContain(id), id));
        added.forEach(id -> assertTrue(filter.mightContain(id), id));
        assertFalse(filter.full(), "made with room for as many again");

        long maybes = ids(10_000).stream().filter(filter::mightContain).count();
        assertTrue(maybes < 300, "a new id is rarely a maybe: " + maybes + " of 10,000");
    }

    @Test
    void itSaysWhenItHoldsMoreThanItWasMadeFor() {
        ClientIdFilter filter = ClientIdFilter.of(List.of());
        int added = 0;
        while (!filter.full()) {
            filter.add(UUID.randomUUID().toString());
            added++;
        }
        assertTrue(added >= 100 && added < 1000, "made for at least a hundred: full after " + added);
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        return ids;
    }
}
