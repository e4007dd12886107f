package org.parley.launcher.main;

import java.io.PrintStream;
import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends every log event to standard output as one line: SLF4J's simple logger (used by Parley, Jetty and Hikari)
 * and java.util.logging (used by Jersey) in the same format.
 */
final class OneLineLogging {
    private OneLineLogging() {}

    static void install() {
        setDefault("org.slf4j.simpleLogger.logFile", "System.out");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setDefault("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.apache.aries.spifly", "warn");
        setDefault("org.slf4j.simpleLogger.log.org.apache.felix.http", "warn");

        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new StdoutHandler(System.out));
        // Jersey and the REST whiteboard narrate every resource (re)registration; keep their warnings and errors.
        quiet("org.eclipse.osgitech.rest", Level.WARNING);
        quiet("Jakartars.serviceRuntime", Level.WARNING);
        quiet("org.glassfish.jersey.server.wadl", Level.SEVERE);
        quiet("org.glassfish.jersey.internal.inject.Providers", Level.SEVERE);
    }

    private static void quiet(String logger, Level level) {
        Logger named = Logger.getLogger(logger);
        named.setLevel(level);
        QUIETED.add(named); // java.util.logging holds loggers weakly; keep the configured ones alive
    }

    private static final java.util.List<Logger> QUIETED = new java.util.ArrayList<>();

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** A console handler on standard output with a single-line format. */
    private static final class StdoutHandler extends ConsoleHandler {
        StdoutHandler(PrintStream out) {
            setOutputStream(out);
            setFormatter(new Formatter() {
                @Override
                public String format(LogRecord record) {
                    String name = record.getLoggerName() == null ? "" : record.getLoggerName();
                    String shortName = name.substring(name.lastIndexOf('.') + 1);
                    String message = formatMessage(record).replace('\n', ' ');
                    String thrown = record.getThrown() == null ? "" : " " + record.getThrown();
                    return String.format("%s [%s] %s %s - %s%s%n", Instant.ofEpochMilli(record.getMillis()),
                            Thread.currentThread().getName(), level(record.getLevel()), shortName, message, thrown);
                }
            });
        }

        @Override
        public void publish(LogRecord record) {
            super.publish(record);
            flush();
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
    }
}
