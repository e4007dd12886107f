package org.parley.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = DatabaseConfiguration.PID,
        name = "Parley database",
        description = "Where Parley keeps its data. Leave the URL empty for the embedded H2 database in the data folder.")
@interface DatabaseConfiguration {
    String PID = "org.parley.database";

    @AttributeDefinition(
            name = "JDBC URL",
            description = "jdbc:postgresql://host:5432/db for PostgreSQL, jdbc:h2:... for H2; empty means the embedded"
                    + " H2 database in <data>/db. The launcher's --db option sets it.",
            required = false)
    String url() default "";

    @AttributeDefinition(name = "User", description = "Database user; empty for none.", required = false)
    String user() default "";

    @AttributeDefinition(
            name = "Password",
            description = "Database password; empty for none.",
            type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            required = false)
    String _password() default "";

    @AttributeDefinition(name = "Pool size", description = "The most connections Parley holds open at once (1-200).", min = "1", max = "200")
    int maxPoolSize() default 10;
}
