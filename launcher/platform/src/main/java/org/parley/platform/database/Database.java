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
}
