package org.parley.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Journal} for an H2 database file: numbered files {@code <name>-<n>.journal} in the database's folder, each a
 * sequence of records framed as length, CRC-32C and bytes. Every second the journal starts a new file and, once
 * {@code CHECKPOINT SYNC} has put everything committed so far into the database file, deletes the older ones (but
 * never one from the position its writer still needs, {@link #retainFrom}; a position is a file's number). On open,
 * the records of the files left by a crash are replayed, up to the first torn or damaged one (a record whose append
 * had not returned, so whose writer had not answered).
 */
final class H2Journal implements Journal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Journal.class);
    /**
     * How often the database is checkpointed and older journal files deleted. Each checkpoint forces what H2 wrote
     * since the last one to the disk, and while that runs the journal's own flushes wait behind it (ext4 commits its
     * log in order): every second keeps that burst near 100 MB at 2,000 messages/s; every 5 s measured a longer tail
     * (docs/performance.md, ninth round).
     */
    static final long CHECKPOINT_SECONDS = 1;
    private static final int HEADER = 8;

    private final Path folder;
    private final String name;
    private final DataSource pool;
    private final Pattern files;
    private final Object appending = new Object();
    private final ScheduledExecutorService checkpoints;
    private FileChannel current;
    private long currentNumber;
    private volatile LongSupplier retained = () -> Long.MAX_VALUE;

    private final Consumer<H2Journal> onClose;
    private boolean closed;

    H2Journal(Path folder, String name, DataSource pool, Consumer<byte[]> replay, Consumer<H2Journal> onClose) {
        this.onClose = onClose;
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Journal names are lower-case words: " + name);
        }
        this.folder = folder;
        this.name = name;
        this.pool = pool;
        this.files = Pattern.compile(Pattern.quote(name) + "-(\\d+)\\.journal");
        try {
            Files.createDirectories(folder);
            List<Path> left = existing();
            int replayed = 0;
            for (Path file : left) {
                replayed += replay(file, replay);
            }
            checkpoint();
            for (Path file : left) {
                Files.delete(file);
            }
            if (replayed > 0) {
                LOG.info("Journal '{}': {} records replayed after an unclean stop", name, replayed);
            }
            currentNumber = left.isEmpty() ? 1 : number(left.get(left.size() - 1)) + 1;
            current = open(currentNumber);
        } catch (IOException e) {
            throw new UncheckedIOException("Journal '" + name + "' in " + folder + " could not be opened", e);
        }
        checkpoints = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parley-journal-" + name);
            thread.setDaemon(true);
            return thread;
        });
        checkpoints.scheduleWithFixedDelay(this::checkpointQuietly, CHECKPOINT_SECONDS, CHECKPOINT_SECONDS,
                TimeUnit.SECONDS);
    }

    @Override
    public void append(byte[] record) {
        if (record.length > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("Journal records are at most " + MAX_RECORD_BYTES + " bytes");
        }
        CRC32C crc = new CRC32C();
        crc.update(record);
        ByteBuffer framed = ByteBuffer.allocate(HEADER + record.length);
        framed.putInt(record.length).putInt((int) crc.getValue()).put(record).flip();
        synchronized (appending) {
            try {
                while (framed.hasRemaining()) {
                    current.write(framed);
                }
                current.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("Journal '" + name + "': appending failed", e);
            }
        }
    }

    @Override
    public long position() {
        synchronized (appending) {
            return currentNumber;
        }
    }

    @Override
    public void retainFrom(LongSupplier oldestNeeded) {
        retained = oldestNeeded;
    }

    /**
     * Starts a new file, checkpoints the database, then deletes the files whose records it now holds and the writer
     * no longer needs.
     */
    void rotate() throws IOException, SQLException {
        long next;
        synchronized (appending) {
            if (current.size() > 0) {
                current.close();
                currentNumber++;
                current = open(currentNumber);
            }
            next = currentNumber;
        }
        // Asked after the rotation: a writer notes a position before it appends, so a record it appends from now on
        // lands in the new file, and one appended before is among what it still needs.
        long keepFrom = Math.min(next, retained.getAsLong());
        List<Path> done = existing();
        done.removeIf(file -> number(file) >= keepFrom);
        if (done.isEmpty()) {
            return;
        }
        // Every record in those files was appended after its transaction committed, and what the writer wrote of
        // them later committed before it stopped needing them: all before this checkpoint.
        checkpoint();
        for (Path file : done) {
            Files.deleteIfExists(file);
        }
    }

    private void checkpointQuietly() {
        try {
            rotate();
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("Journal '{}': checkpoint failed; its files are kept and replayed after a crash", name, e);
        }
    }

    private void checkpoint() {
        try (Connection connection = pool.getConnection()) {
            if (!DurableCommits.checkpoint(connection)) {
                throw new IllegalStateException("Journal '" + name + "': the H2 user may not checkpoint");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Journal '" + name + "': checkpoint failed: " + e.getMessage(), e);
        }
    }

    private int replay(Path file, Consumer<byte[]> replay) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        int records = 0;
        while (bytes.remaining() >= HEADER) {
            int length = bytes.getInt();
            int expected = bytes.getInt();
            if (length < 0 || length > MAX_RECORD_BYTES || length > bytes.remaining()) {
                break;
            }
            byte[] record = new byte[length];
            bytes.get(record);
            CRC32C crc = new CRC32C();
            crc.update(record);
            if ((int) crc.getValue() != expected) {
                break;
            }
            replay.accept(record);
            records++;
        }
        if (bytes.hasRemaining()) {
            LOG.warn("Journal '{}': {} ends with {} bytes of a record whose append never returned; ignored", name,
                    file.getFileName(), bytes.remaining());
        }
        return records;
    }

    private FileChannel open(long number) throws IOException {
        return FileChannel.open(folder.resolve(name + "-" + number + ".journal"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    private List<Path> existing() throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            List<Path> found = new ArrayList<>(list.filter(file -> files.matcher(file.getFileName().toString()).matches())
                    .toList());
            found.sort((a, b) -> Long.compare(number(a), number(b)));
            return found;
        }
    }

    private long number(Path file) {
        Matcher matcher = files.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(file.toString());
        }
        return Long.parseLong(matcher.group(1));
    }

    /** Checkpoints the database and deletes every file: a clean stop leaves nothing to replay. */
    @Override
    public void close() {
        synchronized (appending) {
            if (closed) {
                return;
            }
            closed = true;
        }
        onClose.accept(this);
        checkpoints.shutdownNow();
        try {
            checkpoints.awaitTermination(10, TimeUnit.SECONDS);
            synchronized (appending) {
                current.close();
            }
            checkpoint();
            for (Path file : existing()) {
                Files.delete(file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Journal '{}': closing failed; its files are replayed at the next start", name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
