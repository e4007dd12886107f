package org.parley.launcher.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @Test
    void aPortInUseIsDetected() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertFalse(Main.portIsFree(taken.getLocalPort()));
        }
    }

    @Test
    void seedsTheDefaultConfigurationOnceAndKeepsTheOwnersEdits(@TempDir Path config) throws Exception {
        Main.seedDefaultConfiguration(config);
        Path rest = config.resolve("JakartarsServletWhiteboardRuntimeComponent-parley.cfg");
        assertTrue(Files.readString(rest).contains("jersey.context.path=api/v1"));
        Files.writeString(rest, "jersey.context.path=api/v1\n# edited by the owner\n");
        Main.seedDefaultConfiguration(config);
        assertEquals("jersey.context.path=api/v1\n# edited by the owner\n", Files.readString(rest));
    }

    @Test
    void aNewDataFolderIsTheUsersAloneAndAnExistingOneKeepsItsPermissions(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path fresh = dir.resolve("parley-data");
        Main.createPrivately(fresh);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));

        Path existing = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-x---"));
        Main.createPrivately(existing);
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(existing)));
    }
}
