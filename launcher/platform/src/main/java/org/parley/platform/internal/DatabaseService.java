package org.parley.platform.internal;

import java.io.File;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.parley.platform.database.Database;
import org.parley.platform.database.DatabaseConnection;
import org.parley.platform.database.SchemaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Database} service, configured through Config Admin. */
@Component(service = {Database.class, DatabaseService.class}, configurationPid = DatabaseConfiguration.PID)
@Designate(ocd = DatabaseConfiguration.class)
public class DatabaseService implements Database {
    /** Framework property naming Parley's data folder; the launcher sets it from --data. */
    static final String DATA_PROPERTY = "parley.data";
    /** Framework property with a JDBC URL; the launcher sets it from --db, and it wins over the configuration. */
    static final String URL_PROPERTY = "parley.db.url";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    /** How long a failed connection makes later schema openings fail at once. */
    static final long FAIL_FAST_NANOS = 30_000_000_000L;

    private final DatabaseConnection connection;
    private volatile long lastUnreachable;
    private final StartupProblems problems;
    private final String description;

    @Activate
    public DatabaseService(BundleContext context, DatabaseConfiguration config, @Reference StartupProblems problems) {
        this.problems = problems;
        String url = url(context.getProperty(URL_PROPERTY), config.url(), context);
        this.connection = new DatabaseConnection(url, config.user(), config._password(), config.maxPoolSize());
        this.description = connection.product() + " " + withoutCredentials(url);
        LOG.info("Database: {}", description);
    }

    static String url(String fromCommandLine, String configured, BundleContext context) {
        if (fromCommandLine != null && !fromCommandLine.isBlank()) {
            return fromCommandLine.trim();
        }
        return configured.isBlank() ? embeddedUrl(context) : configured.trim();
    }

    static String embeddedUrl(BundleContext context) {
        String data = context.getProperty(DATA_PROPERTY);
        File folder = data == null || data.isBlank() ? context.getDataFile("db") : new File(data, "db");
        String path = new File(folder, "parley").getAbsolutePath();
        // PostgreSQL mode keeps H2's behaviour close to PostgreSQL's, so one set of migrations and mappers serves both.
        // Parley closes the database itself, after the bundles that write to it have stopped (the message journal
        // checkpoints it last); H2's own shutdown hook would close it under them when the JVM exits.
        return "jdbc:h2:file:" + path
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
    }

    @Override
    public SqlSessionFactory open(String schema, ClassLoader loader, Class<?>... mappers) {
        // Every bundle opens its schema; when the database is down, the first one waits for the connection timeout
        // and the others are told at once, instead of each waiting in turn on the configuration thread.
        long since = System.nanoTime() - lastUnreachable;
        if (lastUnreachable != 0 && since < FAIL_FAST_NANOS) {
            throw new SchemaException("The database is unreachable; schema '" + schema + "' was not opened", false,
                    null);
        }
        try {
            return connection.open(schema, loader, mappers);
        } catch (SchemaException e) {
            if (e.isNewerThanCode()) {
                problems.reportFatal(e.getMessage());
            } else if (!connection.isReachable(1)) {
                lastUnreachable = System.nanoTime();
            }
            throw e;
        }
    }

    /** The H2 file's folder, with its journals; null for other databases. */
    java.nio.file.Path fileFolder() {
        return connection.fileFolder();
    }

    @Override
    public String product() {
        return connection.product();
    }

    @Override
    public org.parley.platform.database.Journal journal(String name, java.util.function.Consumer<byte[]> replay) {
        return connection.journal(name, replay);
    }

    /** The pool's data source, for statements outside any bundle's schema (backups). */
    javax.sql.DataSource dataSource() {
        return connection.dataSource();
    }

    String description() {
        return description;
    }

    boolean isReachable() {
        return connection.isReachable(2);
    }

    @Deactivate
    void close() {
        connection.close();
        LOG.info("Database closed");
    }
}
