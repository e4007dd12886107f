package org.parley.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.platform.database.DatabaseConnection;
import org.parley.platform.database.Journal;
import org.parley.platform.database.TestDatabase;

/** Backups of a real file H2 database, restored and read back. */
class DatabaseBackupsTest {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileRunningRestoresTheDataAndOnlyTheNewestAreKept() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-21T03:00:00Z"));
        Path backups = dir.resolve("backups");
        try (TestDatabase file = TestDatabase.h2File(dir.resolve("db"), 2)) {
            DatabaseConnection db = file.connection();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE chat_note (id INT PRIMARY KEY, body VARCHAR(100))");
                s.execute("INSERT INTO chat_note VALUES (1, 'kept across the restore')");
            }
            DatabaseBackups taker = new DatabaseBackups(db.dataSource(), null, backups, 2, clock);
            Path first = taker.backUp();
            assertEquals("parley-2026-11-21T030000.zip", first.getFileName().toString());

            assertEquals(List.of("kept across the restore"), restore(first, dir.resolve("restored-1")));

            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO chat_note VALUES (2, 'committed just before')");
            }
            Files.writeString(backups.resolve("notes.txt"), "the owner's own file");
            clock.now = clock.now.plus(Duration.ofDays(1));
            Path second = taker.backUp();
            assertEquals(List.of("kept across the restore", "committed just before"),
                    restore(second, dir.resolve("restored-2")), "what was committed before the backup is in it");
            clock.now = clock.now.plus(Duration.ofDays(1));
            Path third = taker.backUp();
            try (Stream<Path> files = Files.list(backups)) {
                assertEquals(List.of("notes.txt", second.getFileName().toString(), third.getFileName().toString()),
                        files.map(f -> f.getFileName().toString()).sorted().toList(),
                        "the two newest backups are kept, the oldest deleted, other files left alone");
            }
        }
    }

    @Test
    void aBackupTakesTheJournalsAlongAndARestoreReplaysThem() throws Exception {
        Path backups = dir.resolve("backups");
        Path zip;
        try (TestDatabase file = TestDatabase.h2File(dir.resolve("db"), 2)) {
            DatabaseConnection db = file.connection();
            Journal journal = db.journal("test-log", record -> {});
            // A writer still holding the record's content in memory: the journal keeps it past checkpoints.
            long position = journal.position();
            journal.retainFrom(() -> position);
            journal.append("held in memory".getBytes(StandardCharsets.UTF_8));
            zip = new DatabaseBackups(db.dataSource(), db.fileFolder(), backups, 2,
                    new MovableClock(Instant.parse("2026-11-21T03:00:00Z"))).backUp();
        }
        try (Stream<Path> files = Files.list(backups)) {
            assertEquals(List.of(zip.getFileName().toString()), files.map(f -> f.getFileName().toString()).toList(),
                    "nothing else is left in the backups folder");
        }
        Path restored = dir.resolve("restored");
        unzip(zip, restored);
        List<String> replayed = new ArrayList<>();
        try (TestDatabase again = TestDatabase.h2File(restored, 1)) {
            again.connection().journal("test-log", record -> replayed.add(
                    new String(record, StandardCharsets.UTF_8))).close();
        }
        assertEquals(List.of("held in memory"), replayed);
    }

    @Test
    void healthShowsTheLastGoodBackupOrWhyTheLatestFailed() throws Exception {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-21T03:00:00Z"));
        try (TestDatabase file = TestDatabase.h2File(dir.resolve("db"), 2)) {
            DatabaseConnection db = file.connection();
            DatabaseBackups good = new DatabaseBackups(db.dataSource(), null, dir.resolve("backups"), 7, clock);
            assertEquals("SCHEDULED", good.state().get("status"));
            Path zip = good.backUp();
            assertEquals(Map.of("status", "OK", "last", "2026-11-21T03:00:00Z", "file", zip.toString()),
                    good.state());

            Path notAFolder = Files.writeString(dir.resolve("occupied"), "a file where the folder should be");
            DatabaseBackups failing = new DatabaseBackups(db.dataSource(), null, notAFolder, 7, clock);
            assertThrows(java.io.IOException.class, failing::backUp);
            Map<String, Object> state = failing.state();
            assertEquals("FAILED", state.get("status"));
            assertTrue(String.valueOf(state.get("error")).contains("occupied"), state.toString());
        }
    }

    @Test
    void theNextBackupIsTodayAtTheTimeOrTomorrowOnceItHasPassed() {
        ZonedDateTime twoAm = ZonedDateTime.of(2026, 11, 21, 2, 0, 0, 0, ZoneOffset.UTC);
        assertEquals(Duration.ofHours(1), DatabaseBackups.untilNext(LocalTime.of(3, 0), twoAm));
        assertEquals(Duration.ofDays(1), DatabaseBackups.untilNext(LocalTime.of(3, 0), twoAm.withHour(3)));
        assertEquals(Duration.ofHours(23).plusMinutes(30),
                DatabaseBackups.untilNext(LocalTime.of(3, 0), twoAm.withHour(3).withMinute(30)));
        ZonedDateTime beforeSpringForward = ZonedDateTime.of(2026, 3, 28, 4, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        assertEquals(Duration.ofHours(22), DatabaseBackups.untilNext(LocalTime.of(3, 0), beforeSpringForward),
                "still 03:00 on the clock the night the clocks go forward");
        assertEquals(LocalTime.of(23, 15), DatabaseBackups.time(" 23:15 "));
        assertEquals(LocalTime.of(3, 0), DatabaseBackups.time("25:99"), "a bad time falls back to 03:00");
    }

    /** The notes in the backup, read from a database restored into the folder as the README says. */
    private static List<String> restore(Path zip, Path folder) throws Exception {
        unzip(zip, folder);
        List<String> notes = new ArrayList<>();
        try (TestDatabase restored = TestDatabase.h2File(folder, 1);
                Connection c = restored.connection().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT body FROM chat_note ORDER BY id")) {
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
        }
        return notes;
    }

    private static void unzip(Path zip, Path into) throws Exception {
        Files.createDirectories(into);
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Files.copy(entries, into.resolve(Path.of(entry.getName()).getFileName()));
            }
        }
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
