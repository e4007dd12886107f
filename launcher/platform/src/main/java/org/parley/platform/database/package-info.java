/**
 * Parley's database: a connection pool on H2 or PostgreSQL, versioned schema migrations owned by each
 * bundle, and MyBatis session factories for that bundle's mappers.
 */
@Version("1.2.0")
package org.parley.platform.database;

import org.osgi.annotation.versioning.Version;
