package org.parley.chat.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.parley.platform.database.TestDatabase;

/**
 * The databases the chat store's tests run on: H2 in memory and PostgreSQL write every message's row as it comes, while
 * an H2 file, the embedded default, holds the newest messages in memory behind its journal (MessageTails), so every
 * read must find them there too.
 */
enum ChatDatabase {
    H2,
    H2_FILE,
    POSTGRESQL;

    /** A fresh database of this kind; a PostgreSQL one skips the test when no server is configured. */
    TestDatabase create() {
        return switch (this) {
            case H2 -> TestDatabase.h2();
            case POSTGRESQL -> TestDatabase.postgres();
            case H2_FILE -> {
                try {
                    yield TestDatabase.h2File(Files.createTempDirectory("parley-chat-test"), 4);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
