package org.parley.platform.database;

import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The installation's database. Parley provides it as a service; feature bundles use it to own their tables.
 *
 * <p>Each bundle keeps its migrations as SQL scripts {@code db/migration/<schema>/V1.sql}, {@code V2.sql}, ...
 * and opens its schema once when it activates. The same scripts run on H2 and on
 * PostgreSQL, so they stick to portable SQL.
 */
@ProviderType
public interface Database {

    /**
     * Brings the bundle's tables up to the newest migration it ships, then returns a session factory for its
     * mappers.
     *
     * @param schema the schema's name; it names the migration folder and the history table
     *     ({@code <schema>_schema_history})
     * @param loader the class loader that sees the migration scripts (the owning bundle's)
     * @param mappers MyBatis mapper interfaces, annotated with their SQL
     * @throws SchemaException when migrating fails or the database is newer than the code
     */
    SqlSessionFactory open(String schema, ClassLoader loader, Class<?>... mappers);

    /** The database product in use, {@code "H2"} or {@code "PostgreSQL"}. */
    String product();

    /**
     * Opens a write-ahead journal beside the database, replaying first the records a crash left in it.
     *
     * <p>Commits through {@link #open}'s sessions are on the disk when they return: PostgreSQL's commit does that,
     * and on an H2 file the commit waits until H2 has written and forced its file, which is dear for many small
     * transactions. A writer of those commits instead on a session whose commit does not wait (see {@link Journal})
     * and appends what it committed to this journal before it answers.
     *
     * @param name the journal's name, lower-case words joined by '-'
     * @param replay called at once, in append order, with each record the database file may not hold yet; it must
     *     apply the record so that applying it twice changes nothing
     * @return the journal, closed with the database; null when this database needs none (PostgreSQL, H2 in memory
     *     or on a server), so that the writer commits through {@link #open}'s sessions
     */
    Journal journal(String name, java.util.function.Consumer<byte[]> replay);
}
