package org.parley.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a schema's numbered SQL scripts {@code db/migration/<schema>/V1.sql, V2.sql, ...} in order and records
 * each in {@code <schema>_schema_history}. Scripts are found by probing V1, V2, ... through the owner's class
 * loader, which works the same inside OSGi and on a plain class path. An applied script must never change (its
 * SHA-256 is checked), and a database that holds versions this code does not ship is refused.
 *
 * <p>Scripts hold plain statements separated by {@code ;} at the end of a line; {@code --} starts a comment.
 */
final class SchemaMigrator {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final DataSource dataSource;
    private final boolean postgres;

    SchemaMigrator(DataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** A script of the schema, as shipped. */
    record Script(int version, String sql, String checksum) {}

    static List<Script> scripts(String schema, ClassLoader loader) {
        List<Script> scripts = new ArrayList<>();
        for (int version = 1; ; version++) {
            URL url = loader.getResource("db/migration/" + schema + "/V" + version + ".sql");
            if (url == null) {
                return scripts;
            }
            try (InputStream in = url.openStream()) {
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                scripts.add(new Script(version, sql, sha256(sql)));
            } catch (IOException e) {
                throw new SchemaException("Cannot read migration " + url + ": " + e.getMessage(), false, e);
            }
        }
    }

    void migrate(String schema, List<Script> scripts) {
        String history = schema + "_schema_history";
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            createHistory(connection, history);
            // Two Parley nodes starting at once on PostgreSQL must not both migrate.
            if (postgres) {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, history.hashCode());
                    lock.execute();
                }
            }
            List<String> applied = appliedChecksums(connection, history);
            check(schema, scripts, applied);
            int from = applied.size();
            for (Script script : scripts.subList(from, scripts.size())) {
                apply(connection, history, script);
            }
            connection.commit();
            if (scripts.size() > from) {
                LOG.info("Schema '{}' migrated from version {} to {}", schema, from, scripts.size());
            } else {
                LOG.info("Schema '{}' is up to date at version {}", schema, from);
            }
        } catch (SQLException e) {
            throw new SchemaException("Migrating the schema '" + schema + "' failed: " + e.getMessage(), false, e);
        }
    }

    private static void check(String schema, List<Script> scripts, List<String> applied) {
        if (applied.size() > scripts.size()) {
            throw new SchemaException("The database schema '" + schema + "' is at version " + applied.size()
                    + ", newer than this Parley knows (" + scripts.size()
                    + "). It was used by a newer Parley; run that version or restore a backup.", true, null);
        }
        for (int i = 0; i < applied.size(); i++) {
            if (!applied.get(i).equals(scripts.get(i).checksum())) {
                throw new SchemaException("Migration V" + (i + 1) + " of schema '" + schema
                        + "' differs from the one applied to this database; applied migrations must not change.",
                        false, null);
            }
        }
    }

    private static void createHistory(Connection connection, String history) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + history + " (version INTEGER PRIMARY KEY,"
                    + " checksum VARCHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        connection.commit();
    }

    private static List<String> appliedChecksums(Connection connection, String history) throws SQLException {
        List<String> checksums = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + history + " ORDER BY version")) {
            while (rows.next()) {
                checksums.add(rows.getString(2));
            }
        }
        return checksums;
    }

    private static void apply(Connection connection, String history, Script script) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script.sql())) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO " + history + " (version, checksum, applied_at) VALUES (?, ?, ?)")) {
            record.setInt(1, script.version());
            record.setString(2, script.checksum());
            record.setTimestamp(3, Timestamp.from(Instant.now()));
            record.executeUpdate();
        }
    }

    /** The script's statements: comments removed, split at a {@code ;} that ends a line. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\\R")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).stripTrailing();
            if (code.isBlank()) {
                continue;
            }
            if (code.endsWith(";")) {
                current.append(code, 0, code.length() - 1);
                statements.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(code).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().trim());
        }
        return statements;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
