package org.parley.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The migration mechanism on real databases, H2 and PostgreSQL. */
class SchemaMigratorTest {
    private static final ClassLoader CURRENT = SchemaMigratorTest.class.getClassLoader();

    /** Sees the three-version copy of the sample schema first, like a newer Parley would. */
    private static ClassLoader newer() {
        URL root = CURRENT.getResource("newer/");
        return new URLClassLoader(new URL[] {root}, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void migratesAnEmptyDatabaseAndLaterStartsMigrateForward(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = kind.create()) {
            SchemaMigrator migrator = new SchemaMigrator(db.connection().dataSource(), kind == TestDatabase.Kind.POSTGRESQL);
            List<SchemaMigrator.Script> two = SchemaMigrator.scripts("sample", CURRENT);
            assertEquals(2, two.size());
            migrator.migrate("sample", two.subList(0, 1));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM sample_schema_history"));
            migrator.migrate("sample", two);
            assertEquals(2, count(db, "SELECT COUNT(*) FROM sample_schema_history"));
            assertEquals(1, count(db, "SELECT COUNT(*) FROM sample_item WHERE note = 'added in V2'"));
            migrator.migrate("sample", two); // a start with nothing to do changes nothing
            assertEquals(2, count(db, "SELECT COUNT(*) FROM sample_schema_history"));
            migrator.migrate("sample", SchemaMigrator.scripts("sample", newer()));
            assertEquals(3, count(db, "SELECT COUNT(*) FROM sample_schema_history"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusesADatabaseNewerThanTheCode(TestDatabase.Kind kind) {
        try (TestDatabase db = kind.create()) {
            SchemaMigrator migrator = new SchemaMigrator(db.connection().dataSource(), kind == TestDatabase.Kind.POSTGRESQL);
            migrator.migrate("sample", SchemaMigrator.scripts("sample", newer()));
            SchemaException e = assertThrows(SchemaException.class,
                    () -> migrator.migrate("sample", SchemaMigrator.scripts("sample", CURRENT)));
            assertTrue(e.isNewerThanCode());
            assertTrue(e.getMessage().contains("at version 3, newer than this Parley knows (2)"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void refusesAChangedAppliedScriptAndLeavesTheHistoryAlone(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = kind.create()) {
            SchemaMigrator migrator = new SchemaMigrator(db.connection().dataSource(), kind == TestDatabase.Kind.POSTGRESQL);
            List<SchemaMigrator.Script> scripts = SchemaMigrator.scripts("sample", CURRENT);
            migrator.migrate("sample", scripts.subList(0, 1));
            SchemaMigrator.Script edited = new SchemaMigrator.Script(1, scripts.get(0).sql() + "\n", "changed");
            SchemaException e = assertThrows(SchemaException.class,
                    () -> migrator.migrate("sample", List.of(edited, scripts.get(1))));
            assertFalse(e.isNewerThanCode());
            assertEquals(1, count(db, "SELECT COUNT(*) FROM sample_schema_history"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailingScriptIsNotRecorded(TestDatabase.Kind kind) throws SQLException {
        try (TestDatabase db = kind.create()) {
            SchemaMigrator migrator = new SchemaMigrator(db.connection().dataSource(), kind == TestDatabase.Kind.POSTGRESQL);
            List<SchemaMigrator.Script> scripts = SchemaMigrator.scripts("sample", CURRENT);
            SchemaMigrator.Script broken = new SchemaMigrator.Script(2, "ALTER TABLE no_such_table ADD COLUMN x INT;", "x");
            assertThrows(SchemaException.class, () -> migrator.migrate("sample", List.of(scripts.get(0), broken)));
            migrator.migrate("sample", scripts); // fixed code migrates on the next start
            assertEquals(2, count(db, "SELECT COUNT(*) FROM sample_schema_history"));
        }
    }

    @Test
    void splitsStatementsAtLineEndSemicolonsAndDropsComments() {
        List<String> statements = SchemaMigrator.statements(
                "-- header\nCREATE TABLE a (\n  x INT -- why\n);\n\nINSERT INTO a VALUES (1);\nSELECT 1");
        assertEquals(List.of("CREATE TABLE a (\n  x INT\n)", "INSERT INTO a VALUES (1)", "SELECT 1"), statements);
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connection().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
