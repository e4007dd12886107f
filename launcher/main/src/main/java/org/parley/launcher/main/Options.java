package org.parley.launcher.main;

import java.nio.file.Path;
import java.util.Map;

/** The launcher's options, from the command line first, then the environment, then the defaults. */
record Options(int port, Path data, String database, boolean help) {
    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_DATA = "parley-data";

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar parley.jar [options]",
            "",
            "Options:",
            "  --port N      HTTP port to listen on (default 8080; environment PARLEY_PORT)",
            "  --data DIR    data folder: database, config/ and deploy/ (default ./parley-data; environment PARLEY_DATA)",
            "  --db URL      JDBC URL of the database, e.g. jdbc:postgresql://127.0.0.1:5432/parley",
            "                (default: embedded H2 in DIR/db; environment PARLEY_DB)",
            "  --help        show this help and exit",
            "",
            "Configuration files (.cfg, .config, .json) dropped in DIR/config are applied while running;",
            "bundles dropped in DIR/deploy are started, and stopped again when removed.");

    /** Parses the arguments; throws {@link IllegalArgumentException} with a message for the user on bad input. */
    static Options parse(String[] args, Map<String, String> env) {
        String port = env.get("PARLEY_PORT");
        String data = env.get("PARLEY_DATA");
        String database = env.get("PARLEY_DB");
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--help", "-h" -> help = true;
                case "--port", "--data", "--db" -> {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("Option " + name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--port" -> port = value;
                        case "--data" -> data = value;
                        default -> database = value;
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return new Options(port(port), Path.of(blank(data) ? DEFAULT_DATA : data).toAbsolutePath().normalize(),
                blank(database) ? null : database.trim(), help);
    }

    private static int port(String value) {
        if (blank(value)) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("The port must be a number from 0 to 65535, not '" + value + "'");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
