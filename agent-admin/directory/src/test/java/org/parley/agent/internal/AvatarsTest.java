package org.parley.agent.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.agent.api.AgentException.Reason.INVALID;
import static org.parley.agent.api.AgentException.Reason.NOT_FOUND;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.parley.agent.api.AccessLevel;
import org.parley.agent.api.Agent;
import org.parley.agent.api.AgentAvatars;
import org.parley.agent.api.Avatar;
import org.parley.platform.database.TestDatabase;

/** Avatars: stored with a version that changes with the image, only real PNG, JPEG or WebP files. */
class AvatarsTest {
    static final byte[] PNG = image(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 64);
    static final byte[] JPEG = image(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 64);
    static final byte[] WEBP = image("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), 64);

    @OnEachDatabase
    void storesReplacesAndRemovesTheAvatarWithAVersion(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            assertNull(jane.avatarVersion());
            assertTrue(directory.avatars.find(jane.id()).isEmpty());

            Agent withPng = directory.avatars.change(jane.id(), "image/png", PNG);
            assertNotNull(withPng.avatarVersion());
            Avatar stored = directory.avatars.find(jane.id()).orElseThrow();
            assertEquals("image/png", stored.mediaType());
            assertArrayEquals(PNG, stored.image());
            assertEquals(withPng.avatarVersion(), stored.version());
            assertEquals(withPng.avatarVersion(), directory.agents.list().get(0).avatarVersion());

            Agent withJpeg = directory.avatars.change(jane.id(), "IMAGE/JPEG", JPEG);
            assertNotEquals(withPng.avatarVersion(), withJpeg.avatarVersion());
            assertEquals("image/jpeg", directory.avatars.find(jane.id()).orElseThrow().mediaType());
            assertEquals(withJpeg.avatarVersion(), directory.avatars.change(jane.id(), "image/jpeg", JPEG)
                    .avatarVersion(), "the same image, the same version");

            Agent withWebp = directory.avatars.change(jane.id(), "image/webp", WEBP);
            assertEquals("image/webp", directory.avatars.find(jane.id()).orElseThrow().mediaType());

            directory.changes.clear();
            Agent removed = directory.avatars.remove(jane.id());
            assertNull(removed.avatarVersion());
            assertTrue(directory.avatars.find(jane.id()).isEmpty());
            assertEquals(List.of(removed), directory.changes, "removal is told");
            directory.avatars.remove(jane.id());
            assertEquals(List.of(removed), directory.changes, "removing nothing is not");
            assertNotNull(withWebp.avatarVersion());
        }
    }

    @OnEachDatabase
    void refusesWhatIsNotAnImageOfTheStatedFormat(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            directory.avatars.change(jane.id(), "image/png", PNG);
            String id = jane.id();
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/jpeg", PNG));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/webp", JPEG));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/png", WEBP));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/svg+xml",
                    "<svg onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8)));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "text/html", PNG));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, null, PNG));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/png", new byte[0]));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/png", null));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/png",
                    Arrays.copyOf(PNG, 4)));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/webp",
                    "RIFF\0\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1)));
            directory.assertRefused(INVALID, "avatar", () -> directory.avatars.change(id, "image/png",
                    image(PNG, AgentAvatars.MAX_BYTES + 1)));
            directory.assertRefused(NOT_FOUND, "agentId", () -> directory.avatars.change("nobody", "image/png", PNG));
            directory.assertRefused(NOT_FOUND, "agentId", () -> directory.avatars.remove("nobody"));
        }
    }

    @OnEachDatabase
    void theLargestAvatarFitsAndGoesWithItsAgent(TestDatabase.Kind kind) {
        try (TestDirectory directory = TestDirectory.on(kind)) {
            Agent jane = directory.create("jane", AccessLevel.LIMITED);
            byte[] largest = image(PNG, AgentAvatars.MAX_BYTES);
            directory.avatars.change(jane.id(), "image/png", largest);
            assertArrayEquals(largest, directory.avatars.find(jane.id()).orElseThrow().image());

            directory.agents.delete(List.of(jane.id()));
            assertTrue(directory.avatars.find(jane.id()).isEmpty());
        }
    }

    /** The signature followed by filler bytes up to {@code length}. */
    static byte[] image(byte[] signature, int length) {
        byte[] image = Arrays.copyOf(signature, length);
        for (int i = signature.length; i < length; i++) {
            image[i] = (byte) (i * 31);
        }
        return image;
    }
}
