package org.parley.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** A refused body is read to its end (up to a bound), so the 413 is not lost to a reset connection. */
class RequestSizeLimitTest {

    @Test
    void aRefusedBodyIsReadToItsEnd() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[70_000]);
        RequestSizeLimit.discard(body, RequestSizeLimit.MAX_DISCARDED_BYTES);
        assertEquals(0, body.available());
    }

    @Test
    void noMoreThanTheBoundIsRead() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[RequestSizeLimit.MAX_DISCARDED_BYTES + 5_000]);
        RequestSizeLimit.discard(body, RequestSizeLimit.MAX_DISCARDED_BYTES);
        assertEquals(5_000, body.available());
    }
}
