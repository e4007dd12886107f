package org.parley.launcher.main;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log event as one line on standard output. SLF4J (Parley, Jetty, Hikari) is bound to java.util.logging by
 * slf4j-jdk14 on the framework class path, and Jersey logs to java.util.logging itself, so this one formatter
 * writes them all: time, thread, level, logger, message, and a stack trace folded into the same line.
 */
final class OneLineLogging {
    /** java.util.logging holds loggers weakly: keep the configured ones alive. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private OneLineLogging() {}

    static void install() {
        // Must be chosen before java.util.logging first starts; see ShutdownProofLogManager.
        System.setProperty("java.util.logging.manager", ShutdownProofLogManager.class.getName());
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new StdoutHandler(System.out));
        // Libraries that narrate their own start-up, or every (re)registration: keep their warnings and errors.
        level("org.eclipse.jetty", Level.WARNING);
        level("com.zaxxer.hikari", Level.WARNING);
        level("org.apache.aries.spifly", Level.WARNING);
        level("org.apache.felix.http", Level.WARNING);
        level("org.eclipse.osgitech.rest", Level.WARNING);
        level("Jakartars.serviceRuntime", Level.WARNING);
        level("org.glassfish.jersey.server.wadl", Level.SEVERE);
        level("org.glassfish.jersey.internal.inject.Providers", Level.SEVERE);
        ShutdownProofLogManager.installed = true;
    }

    /**
     * The JDK's LogManager closes every handler from its own shutdown hook, which races with the hook that stops
     * the framework: the lines of a clean shutdown ("Database closed") would be lost. Once logging is set up, this
     * manager ignores resets.
     */
    public static final class ShutdownProofLogManager extends LogManager {
        static volatile boolean installed;

        @Override
        public void reset() {
            if (!installed) {
                super.reset();
            }
        }
    }

    private static void level(String logger, Level level) {
        Logger named = Logger.getLogger(logger);
        named.setLevel(level);
        CONFIGURED.add(named);
    }

    /** The single-line format; package-visible for its test. */
    static String format(LogRecord record, String thread) {
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        String message = new Formatter() {
            @Override
            public String format(LogRecord r) {
                return formatMessage(r);
            }
        }.format(record);
        StringBuilder line = new StringBuilder()
                .append(Instant.ofEpochMilli(record.getMillis())).append(" [").append(thread).append("] ")
                .append(level(record.getLevel())).append(' ').append(name.substring(name.lastIndexOf('.') + 1))
                .append(" - ").append(oneLine(message));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(" | ").append(oneLine(trace.toString().strip()));
        }
        return line.append(System.lineSeparator()).toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\R\\s*", " | ");
    }

    private static String level(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return "WARN";
        }
        return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
    }

    /** A console handler on standard output, flushed after every line. */
    private static final class StdoutHandler extends ConsoleHandler {
        StdoutHandler(PrintStream out) {
            setOutputStream(out);
            setLevel(Level.ALL);
            setFormatter(new Formatter() {
                @Override
                public String format(LogRecord record) {
                    return OneLineLogging.format(record, Thread.currentThread().getName());
                }
            });
        }

        @Override
        public void publish(LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
