package org.parley.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test: H2 in memory (in PostgreSQL mode, as the launcher runs it), H2 in a file, or
 * a new schema on the PostgreSQL server named by the environment variable {@value #POSTGRES_ENV}. Shared with other
 * modules as this module's test jar.
 */
public final class TestDatabase implements AutoCloseable {
    /** Environment variable holding the JDBC URL of the PostgreSQL server for tests; unset skips those tests. */
    public static final String POSTGRES_ENV = "PARLEY_TEST_POSTGRES";
    /** The settings the launcher opens H2 with: PostgreSQL mode, so one set of migrations and mappers serves both. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private static volatile boolean toldSkipped;

    private final DatabaseConnection connection;
    private final Runnable cleanup;
    private final String name;

    private TestDatabase(String name, DatabaseConnection connection, Runnable cleanup) {
        this.name = name;
        this.connection = connection;
        this.cleanup = cleanup;
    }

    /** Which databases a parameterized test runs on. */
    public enum Kind {
        H2,
        POSTGRESQL;

        /** A fresh database of this kind; a PostgreSQL one skips the test when no server is configured. */
        public TestDatabase create() {
            return this == H2 ? h2() : postgres();
        }
    }

    public static TestDatabase h2() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + H2_OPTIONS;
        DatabaseConnection db = new DatabaseConnection(url, "sa", "", 4);
        // The in-memory database disappears when the pool closes its last connection.
        return new TestDatabase("H2", db, () -> {});
    }

    /**
     * An H2 database in a file, {@code parley.mv.db} in the folder, opened as the launcher opens its embedded one;
     * the folder and everything in it are deleted on close. For benchmarks and for tests that need the file.
     */
    public static TestDatabase h2File(Path folder, int maxPoolSize) {
        String url = "jdbc:h2:file:" + folder.resolve("parley").toAbsolutePath() + H2_OPTIONS;
        return new TestDatabase("H2 file", new DatabaseConnection(url, "", "", maxPoolSize), () -> delete(folder));
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new schema on the configured PostgreSQL server, dropped on close. */
    public static TestDatabase postgres() {
        String url = System.getenv(POSTGRES_ENV);
        if ((url == null || url.isBlank()) && !toldSkipped) {
            toldSkipped = true;
            System.err.println("[parley] PostgreSQL tests are SKIPPED in this module: set " + POSTGRES_ENV
                    + " to a JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres, to run them.");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "PostgreSQL tests skipped: set " + POSTGRES_ENV + " to a JDBC URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run them");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (DatabaseConnection admin = new DatabaseConnection(url, null, null, 1)) {
            execute(admin, "CREATE SCHEMA " + schema);
        }
        String scoped = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        DatabaseConnection db = new DatabaseConnection(scoped, null, null, 4);
        return new TestDatabase("PostgreSQL", db, () -> {
            try (DatabaseConnection admin = new DatabaseConnection(url, null, null, 1)) {
                execute(admin, "DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }

    public DatabaseConnection connection() {
        return connection;
    }

    public static void execute(DatabaseConnection db, String sql) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The rows a query answers, one line each with the columns separated by {@code |}, ending with {@code --}: tests
     * compare two dumps to show that a refused change wrote nothing.
     */
    public String dump(String sql) {
        StringBuilder text = new StringBuilder();
        try (Connection c = connection.dataSource().getConnection();
                Statement statement = c.createStatement();
                java.sql.ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(rows.getString(i)).append('|');
                }
                text.append('\n');
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return text.append("--\n").toString();
    }

    /** Closes the pool first, then drops what the database left (the schema, the files). */
    @Override
    public void close() {
        try {
            connection.close();
        } finally {
            cleanup.run();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
