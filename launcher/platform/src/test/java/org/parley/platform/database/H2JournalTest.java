package org.parley.platform.database;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on a real H2 file: what a crash leaves is replayed in order, a torn last record is not, a checkpoint
 * retires what the database file holds, and a clean close leaves nothing. A crash is {@code SHUTDOWN IMMEDIATELY},
 * which closes H2's file without writing what it holds only in memory, and a copy of the folder as that left it: the
 * disk a killed process leaves behind.
 */
class H2JournalTest {
    @TempDir
    Path running;
    @TempDir
    Path crashed;

    @Test
    void replaysWhatACrashLeftInAppendOrderAndStopsAtATornRecord() throws Exception {
        try (DatabaseConnection db = open()) {
            Journal journal = db.journal("test-log", record -> {
                throw new AssertionError("nothing to replay in a new folder");
            });
            assertNotNull(journal);
            for (int i = 1; i <= 5; i++) {
                journal.append(("record " + i).getBytes(UTF_8));
            }
            crash(db);
        }
        Path file = journalFiles(crashed).get(0);
        // Half a record, as a crash in the middle of an append leaves it: its writer never answered.
        Files.write(file, new byte[] {0, 0, 0, 42, 1, 2}, StandardOpenOption.APPEND);

        List<String> replayed = new ArrayList<>();
        try (DatabaseConnection db = open(crashed)) {
            Journal journal = db.journal("test-log", record -> replayed.add(new String(record, UTF_8)));
            assertEquals(List.of("record 1", "record 2", "record 3", "record 4", "record 5"), replayed);
            journal.close();
            assertEquals(List.of(), journalFiles(crashed), "a clean close leaves no file to replay");
        }
        try (DatabaseConnection db = open(crashed)) {
            db.journal("test-log", record -> {
                throw new AssertionError("replayed twice: " + new String(record, UTF_8));
            }).close();
        }
    }

    @Test
    void aCheckpointRetiresTheRecordsTheDatabaseFileHolds() throws Exception {
        try (DatabaseConnection db = open()) {
            execute(db, "CREATE TABLE t (n INT)");
            H2Journal journal = (H2Journal) db.journal("test-log", record -> {});
            execute(db, "INSERT INTO t VALUES (1)");
            journal.append("one".getBytes(UTF_8));
            journal.rotate();
            execute(db, "INSERT INTO t VALUES (2)");
            journal.append("two".getBytes(UTF_8));
            crash(db);
        }
        List<String> replayed = new ArrayList<>();
        try (DatabaseConnection db = open(crashed)) {
            db.journal("test-log", record -> replayed.add(new String(record, UTF_8))).close();
            assertEquals(List.of("two"), replayed, "only what came after the checkpoint");
            assertEquals(1, count(db), "the row committed before the checkpoint is in the file");
        }
    }

    @Test
    void recordsTheWriterStillNeedsOutliveCheckpointsUntilItLetsThemGo() throws Exception {
        try (DatabaseConnection db = open()) {
            H2Journal journal = (H2Journal) db.journal("test-log", record -> {});
            AtomicLong needed = new AtomicLong(Long.MAX_VALUE);
            journal.retainFrom(needed::get);
            journal.append("retired".getBytes(UTF_8));
            journal.rotate();
            needed.set(journal.position());
            journal.append("held".getBytes(UTF_8));
            journal.rotate();
            journal.append("later".getBytes(UTF_8));
            journal.rotate();
            assertEquals(List.of("test-log-2.journal", "test-log-3.journal", "test-log-4.journal"),
                    names(journalFiles(running)), "from the held record's file on; the first one went");
            crash(db);
        }
        List<String> replayed = new ArrayList<>();
        try (DatabaseConnection db = open(crashed)) {
            db.journal("test-log", record -> replayed.add(new String(record, UTF_8))).close();
            assertEquals(List.of("held", "later"), replayed, "from the oldest needed position on, through checkpoints");
        }
    }

    @Test
    void aRecordLetGoIsRetiredAtTheNextCheckpoint() throws Exception {
        try (DatabaseConnection db = open()) {
            H2Journal journal = (H2Journal) db.journal("test-log", record -> {});
            AtomicLong needed = new AtomicLong(journal.position());
            journal.retainFrom(needed::get);
            journal.append("held".getBytes(UTF_8));
            journal.rotate();
            assertEquals(List.of("test-log-1.journal", "test-log-2.journal"), names(journalFiles(running)));
            needed.set(Long.MAX_VALUE);
            journal.rotate();
            assertEquals(List.of("test-log-2.journal"), names(journalFiles(running)),
                    "only the current, empty file is left");
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(file -> file.getFileName().toString()).toList();
    }

    @Test
    void noJournalWhereTheCommitIsDurableOrThereIsNoFile() {
        try (DatabaseConnection memory = new DatabaseConnection("jdbc:h2:mem:journal" + TestDatabase.H2_OPTIONS, "", "", 2)) {
            assertNull(memory.journal("test-log", record -> {}));
        }
        assertNull(DatabaseConnection.h2FileFolder("jdbc:postgresql://localhost/parley"));
        assertEquals(Path.of("/srv/parley/db"),
                DatabaseConnection.h2FileFolder("jdbc:h2:file:/srv/parley/db/parley;MODE=PostgreSQL"));
    }

    @Test
    void aUserWhoMayNotCheckpointGetsNoJournalAndStillCommits() throws Exception {
        try (DatabaseConnection admin = open()) {
            execute(admin, "CREATE TABLE t (n INT)");
            execute(admin, "CREATE USER clerk PASSWORD 'clerk'");
            execute(admin, "GRANT ALL ON t TO clerk");
            try (DatabaseConnection clerk = new DatabaseConnection(
                    "jdbc:h2:file:" + running.resolve("parley") + TestDatabase.H2_OPTIONS, "clerk", "clerk", 2)) {
                assertNull(clerk.journal("test-log", record -> {}), "no journal it could never retire");
                try (Connection connection = clerk.dataSource().getConnection();
                        Statement statement = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    statement.execute("INSERT INTO t VALUES (1)");
                    connection.commit();
                    DurableCommits commits = new DurableCommits();
                    commits.await(connection);
                    commits.await(connection);
                }
            }
            assertEquals(1, count(admin));
        }
    }

    @Test
    void aCommitThroughASessionIsInTheFileWhenItReturns() throws Exception {
        try (DatabaseConnection db = open()) {
            execute(db, "CREATE TABLE t (n INT)");
            try (var session = db.open("sample", getClass().getClassLoader()).openSession(false);
                    Statement statement = session.getConnection().createStatement()) {
                statement.execute("INSERT INTO t VALUES (7)");
                session.commit(true);
            }
            crash(db);
        }
        try (DatabaseConnection db = open(crashed)) {
            assertEquals(1, count(db), "the commit survived the crash");
        }
    }

    private DatabaseConnection open() {
        return open(running);
    }

    private static DatabaseConnection open(Path folder) {
        return new DatabaseConnection("jdbc:h2:file:" + folder.resolve("parley") + TestDatabase.H2_OPTIONS, "", "", 4);
    }

    /** Closes H2's file without writing what it holds only in memory, and keeps the folder as that left it. */
    private void crash(DatabaseConnection db) throws Exception {
        try {
            execute(db, "SHUTDOWN IMMEDIATELY");
        } catch (java.sql.SQLException closedUnderIt) {
            // H2 answers the statement that closed it with "database is already closed"
        }
        try (Stream<Path> files = Files.list(running)) {
            for (Path file : files.toList()) {
                Files.copy(file, crashed.resolve(file.getFileName()));
            }
        }
    }

    private static void execute(DatabaseConnection db, String sql) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(DatabaseConnection db) throws Exception {
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<Path> journalFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

}
