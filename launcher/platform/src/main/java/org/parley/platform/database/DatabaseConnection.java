package org.parley.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A pooled connection to H2 or PostgreSQL with Parley's migration and MyBatis set-up. The {@link Database} service
 * is one of these; tools and tests outside OSGi create their own with the same behaviour.
 */
public final class DatabaseConnection implements Database, AutoCloseable {
    private final HikariDataSource pool;
    private final String product;
    /** On H2, commits wait until the file holds them; PostgreSQL's own commit already does. */
    private final JdbcTransactionFactory transactions;
    /** The H2 file's folder, where journals go; null for PostgreSQL and H2 in memory or on a server. */
    private final Path fileFolder;
    private final List<H2Journal> journals = new CopyOnWriteArrayList<>();

    /**
     * @param jdbcUrl {@code jdbc:h2:...} or {@code jdbc:postgresql://...}
     * @param user the user, or null
     * @param password the password, or null
     * @param maxPoolSize the most connections held open at once
     */
    public DatabaseConnection(String jdbcUrl, String user, String password, int maxPoolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariConfig config = new HikariConfig();
        // Hikari loads drivers by class name, which fails across bundles: hand it a data source made here.
        config.setDataSource(dataSource(jdbcUrl, user, password));
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("parley");
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        // Start even when the database is down; health reports it and the pool retries.
        config.setInitializationFailTimeout(-1);
        this.pool = new HikariDataSource(config);
        this.product = jdbcUrl.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
        this.transactions = "H2".equals(product) && !jdbcUrl.startsWith("jdbc:h2:mem:")
                ? new DurableTransactionFactory(new DurableCommits()) : new JdbcTransactionFactory();
        this.fileFolder = h2FileFolder(jdbcUrl);
    }

    /**
     * The folder of the H2 file, which also holds its journals ({@code *.journal}); null for PostgreSQL and H2 in memory
     * or on a server.
     *
     * @since 1.2
     */
    public Path fileFolder() {
        return fileFolder;
    }

    /** {@code jdbc:h2:file:/data/db/parley;MODE=...} gives {@code /data/db}; other URLs give null. */
    static Path h2FileFolder(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (!jdbcUrl.startsWith(prefix)) {
            return null;
        }
        String path = jdbcUrl.substring(prefix.length());
        int options = path.indexOf(';');
        path = options < 0 ? path : path.substring(0, options);
        if (path.isBlank() || path.startsWith("~")) {
            return null;
        }
        return Path.of(path).toAbsolutePath().getParent();
    }

    @Override
    public Journal journal(String name, Consumer<byte[]> replay) {
        if (fileFolder == null || !mayCheckpoint()) {
            return null;
        }
        H2Journal journal = new H2Journal(fileFolder, name, pool, replay, journals::remove);
        journals.add(journal);
        return journal;
    }

    /**
     * Whether this H2 user may checkpoint, which a journal needs to retire its files; one who may not (not an
     * administrator) gets no journal, and its writers' commits wait as everyone's do (DurableCommits, which warns).
     */
    private boolean mayCheckpoint() {
        try (Connection connection = pool.getConnection()) {
            return DurableCommits.checkpoint(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be checkpointed: " + e.getMessage(), e);
        }
    }

    private static DataSource dataSource(String jdbcUrl, String user, String password) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(jdbcUrl);
            h2.setUser(user == null ? "" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(jdbcUrl);
            if (user != null && !user.isBlank()) {
                pg.setUser(user);
            }
            if (password != null && !password.isEmpty()) {
                pg.setPassword(password);
            }
            return pg;
        }
        throw new IllegalArgumentException(
                "Unsupported database URL '" + jdbcUrl + "': use jdbc:h2:... or jdbc:postgresql://...");
    }

    @Override
    public SqlSessionFactory open(String schema, ClassLoader loader, Class<?>... mappers) {
        migrate(schema, loader);
        Configuration configuration =
                new Configuration(new Environment(schema, transactions, pool));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setLazyLoadingEnabled(false);
        // Mapper annotations may name result types; resolve them through the owning bundle.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Arrays.stream(mappers).forEach(configuration::addMapper);
            return new SqlSessionFactoryBuilder().build(configuration);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Applies the schema's pending migrations; refuses a database that is newer than the code. */
    public void migrate(String schema, ClassLoader loader) {
        if (!schema.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Schema names are lower-case identifiers: " + schema);
        }
        new SchemaMigrator(pool, "PostgreSQL".equals(product)).migrate(schema, SchemaMigrator.scripts(schema, loader));
    }

    @Override
    public String product() {
        return product;
    }

    /** The pool, for health checks and tools that need plain JDBC. */
    public DataSource dataSource() {
        return pool;
    }

    /** True when a connection can be had and answers within the timeout. */
    public boolean isReachable(int timeoutSeconds) {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(timeoutSeconds);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        journals.forEach(H2Journal::close);
        pool.close();
    }
}
