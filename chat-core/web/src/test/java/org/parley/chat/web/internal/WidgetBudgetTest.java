package org.parley.chat.web.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The widget loads on every page of the shop: it stays within its size budget. (That it shows what people wrote as
 * text is checked in a real browser: WidgetIT and DeskIT.)
 */
class WidgetBudgetTest {
    static final int BUDGET_GZIPPED_BYTES = 30 * 1024;

    private static byte[] widget() throws IOException {
        try (InputStream in = WidgetBudgetTest.class.getResourceAsStream("/chat-web/widget.js")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theWidgetIsAtMost30KilobytesGzipped() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(widget());
        }
        assertTrue(gzipped.size() <= BUDGET_GZIPPED_BYTES, "widget.js is " + gzipped.size() + " bytes gzipped");
    }
}
