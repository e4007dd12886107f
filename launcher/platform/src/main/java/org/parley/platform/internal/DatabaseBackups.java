package org.parley.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily backups of the embedded H2 database while Parley runs: H2's {@code BACKUP TO} writes a consistent copy
 * (a zip holding {@code parley.mv.db}) without stopping anyone, and only the newest few are kept. To restore, stop
 * Parley, replace {@code <data>/db} with the zip's contents and start it again (README, "Backups").
 */
@Component(service = DatabaseBackups.class, immediate = true, configurationPid = BackupConfiguration.PID)
@Designate(ocd = BackupConfiguration.class)
public class DatabaseBackups {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackups.class);
    private static final String PREFIX = "parley-";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss");

    private final DataSource database;
    /** Where the database's journals are (H2 file): a backup takes them along; null without. */
    private final Path journals;
    private final Path folder;
    private final int keep;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile LocalTime at;
    private volatile String off;
    private volatile Instant lastAt;
    private volatile Path lastFile;
    private volatile Instant failedAt;
    private volatile String failure;

    @Activate
    public DatabaseBackups(BundleContext context, BackupConfiguration config, @Reference DatabaseService database) {
        this(database.product().equals("H2") && config.enabled() ? database.dataSource() : null,
                database.fileFolder(), folder(context, config), config.keep(), Clock.systemDefaultZone());
        if (!database.product().equals("H2")) {
            off = "the database is " + database.product() + ": back it up with its own tools (pg_dump)";
            LOG.info("Backups: {}", off);
        } else if (this.database == null) {
            off = "turned off (" + BackupConfiguration.PID + " enabled=false)";
            LOG.info("Backups are {}", off);
        } else {
            schedule(time(config.time()));
        }
    }

    DatabaseBackups(DataSource database, Path journals, Path folder, int keep, Clock clock) {
        this.database = database;
        this.journals = journals;
        this.folder = folder;
        this.keep = Math.max(1, keep);
        this.clock = clock;
        this.timer = database == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-backups");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static Path folder(BundleContext context, BackupConfiguration config) {
        if (!config.folder().isBlank()) {
            return Path.of(config.folder().strip());
        }
        String data = context.getProperty(DatabaseService.DATA_PROPERTY);
        return data == null || data.isBlank() ? context.getDataFile("backups").toPath() : Path.of(data, "backups");
    }

    static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            LOG.error("Backups: time '{}' in {} is not HH:mm; using 03:00", text, BackupConfiguration.PID);
            return LocalTime.of(3, 0);
        }
    }

    private void schedule(LocalTime at) {
        this.at = at;
        scheduleNext();
        LOG.info("Backups: every day at {} into {}, the newest {} kept", at, folder, keep);
    }

    /** The next run, worked out from the clock each time, so that it stays at the time of day across DST changes. */
    private void scheduleNext() {
        long delay = untilNext(at, ZonedDateTime.now(clock)).toMillis();
        timer.schedule(() -> {
            backUpQuietly();
            scheduleNext();
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** How long from now until the next time the clock shows {@code at} (tomorrow when that has passed today). */
    static Duration untilNext(LocalTime at, ZonedDateTime now) {
        ZonedDateTime next = now.with(at).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next);
    }

    private void backUpQuietly() {
        try {
            backUp();
        } catch (IOException | SQLException | RuntimeException e) {
            // The next day tries again; the log and /health say why this one failed.
            LOG.error("Backup into {} failed", folder, e);
        }
    }

    /**
     * What {@code /health} shows under {@code backups}: OFF (with why), else OK or FAILED after the latest attempt
     * (SCHEDULED before the first), when the last good one was written and where, and when the next one is due.
     */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        if (off != null) {
            state.put("status", "OFF");
            state.put("reason", off);
            return state;
        }
        boolean failedLast = failedAt != null && (lastAt == null || failedAt.isAfter(lastAt));
        state.put("status", failedLast ? "FAILED" : lastAt == null ? "SCHEDULED" : "OK");
        if (failedLast) {
            state.put("error", failure);
            state.put("failedAt", failedAt.toString());
        }
        if (lastAt != null) {
            state.put("last", lastAt.toString());
            state.put("file", lastFile.toString());
        }
        if (at != null) {
            ZonedDateTime now = ZonedDateTime.now(clock);
            state.put("next", now.plus(untilNext(at, now)).toInstant().toString());
        }
        return state;
    }

    /** Writes a backup now and deletes the oldest beyond the number kept; returns the new file. */
    Path backUp() throws IOException, SQLException {
        try {
            Path zip = write();
            lastAt = clock.instant();
            lastFile = zip;
            return zip;
        } catch (IOException | SQLException | RuntimeException e) {
            failedAt = clock.instant();
            failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw e;
        }
    }

    private Path write() throws IOException, SQLException {
        Files.createDirectories(folder);
        Path zip = folder.resolve(PREFIX + LocalDateTime.now(clock).format(NAME) + ".zip");
        long started = System.nanoTime();
        Path journalsBefore = copyJournals();
        try (Connection connection = database.getConnection();
                PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
            // H2 first saves what was committed and not yet written (it writes in the background), then copies the
            // file: the copy holds every transaction committed before the backup began.
            backup.setString(1, zip.toAbsolutePath().toString());
            backup.execute();
        } finally {
            addJournals(zip, journalsBefore);
        }
        LOG.info("Backup written to {} ({} KB in {} ms)", zip, Files.size(zip) / 1024,
                (System.nanoTime() - started) / 1_000_000);
        prune();
        return zip;
    }

    /**
     * Copies the journals aside before the backup: records of messages held in memory then, not yet in the table
     * (chat's MessageTails), whose files a checkpoint may retire while the backup runs.
     */
    private Path copyJournals() throws IOException {
        if (journals == null || !Files.isDirectory(journals)) {
            return null;
        }
        Path aside = Files.createTempDirectory(folder, ".journals-");
        for (Path file : journalFiles(journals)) {
            try {
                Files.copy(file, aside.resolve(file.getFileName()));
            } catch (java.nio.file.NoSuchFileException retired) {
                // retired meanwhile: the database file holds its records
            }
        }
        return aside;
    }

    /**
     * Adds the journals to the backup, so that a restored database replays them when Parley starts: each file as it is
     * now (it only grows), or as it was before the backup if a checkpoint has retired it since.
     */
    private void addJournals(Path zip, Path aside) throws IOException {
        if (aside == null) {
            return;
        }
        try {
            if (!Files.exists(zip)) {
                return;
            }
            try (java.nio.file.FileSystem backup = java.nio.file.FileSystems.newFileSystem(zip)) {
                for (Path before : journalFiles(aside)) {
                    Files.copy(before, backup.getPath(before.getFileName().toString()));
                }
                for (Path now : journalFiles(journals)) {
                    try {
                        Files.copy(now, backup.getPath(now.getFileName().toString()),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException retired) {
                        // the copy from before the backup stays
                    }
                }
            }
        } finally {
            for (Path file : journalFiles(aside)) {
                Files.delete(file);
            }
            Files.delete(aside);
        }
    }

    private static List<Path> journalFiles(Path in) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".journal")).sorted().toList();
        }
    }

    /** Deletes the oldest backups beyond the number kept; other files in the folder are left alone. */
    void prune() throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(folder)) {
            backups = files.filter(DatabaseBackups::isBackup).sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            Files.delete(old);
            LOG.info("Deleted old backup {}", old);
        }
    }

    private static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(".zip") && Files.isRegularFile(file);
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
