package org.parley.chat.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.platform.database.TestDatabase;

/**
 * Runs a test taking a {@link ChatDatabase} on H2 in memory, on an H2 file and on PostgreSQL; the PostgreSQL run is skipped
 * unless {@value TestDatabase#POSTGRES_ENV} names a server.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@EnumSource(ChatDatabase.class)
@interface OnEachDatabase {}
