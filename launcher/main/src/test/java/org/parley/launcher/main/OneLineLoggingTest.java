package org.parley.launcher.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class OneLineLoggingTest {

    @Test
    void anEventWithAStackTraceAndAMultiLineMessageIsOneLine() {
        LogRecord record = new LogRecord(Level.SEVERE, "Request {0} failed\nbadly");
        record.setParameters(new Object[] {"/api/v1/x"});
        record.setLoggerName("org.parley.rest.internal.ProblemMappers");
        record.setThrown(new IllegalStateException("boom", new RuntimeException("cause")));
        String line = OneLineLogging.format(record, "qtp-1");
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.contains("[qtp-1] ERROR ProblemMappers - Request /api/v1/x failed | badly | "
                + "java.lang.IllegalStateException: boom | at "), line);
        assertTrue(line.contains("Caused by: java.lang.RuntimeException: cause"), line);
    }
}
