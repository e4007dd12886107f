package org.parley.launcher.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsToPort8080AndParleyDataInTheWorkingFolder() {
        Options options = Options.parse(new String[0], Map.of());
        assertEquals(8080, options.port());
        assertEquals(Path.of("parley-data").toAbsolutePath(), options.data());
        assertNull(options.database());
    }

    @Test
    void commandLineWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("PARLEY_PORT", "9000", "PARLEY_DATA", "/srv/env", "PARLEY_DB", "jdbc:h2:mem:x");
        assertEquals(9000, Options.parse(new String[0], env).port());
        Options options = Options.parse(new String[] {"--port", "9100", "--data=/srv/cli", "--db", "jdbc:postgresql://db/p"}, env);
        assertEquals(9100, options.port());
        assertEquals(Path.of("/srv/cli"), options.data());
        assertEquals("jdbc:postgresql://db/p", options.database());
    }

    @Test
    void refusesBadOptionsWithAMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--port", "http"}, Map.of()))
                .getMessage().contains("'http'"));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--port", "70000"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--port"}, Map.of()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--colour"}, Map.of()))
                .getMessage().contains("--colour"));
    }

    @Test
    void helpIsRecognised() {
        assertTrue(Options.parse(new String[] {"--help"}, Map.of()).help());
        assertTrue(Options.USAGE.contains("--db"));
    }
}
