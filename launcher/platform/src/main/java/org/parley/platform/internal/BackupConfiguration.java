package org.parley.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(
        id = BackupConfiguration.PID,
        name = "Parley backups",
        description = "Daily copies of the embedded H2 database, taken while Parley runs. PostgreSQL installations back"
                + " up with the database's own tools (pg_dump).")
@interface BackupConfiguration {
    String PID = "org.parley.backup";

    @AttributeDefinition(name = "Enabled", description = "Take a backup every day.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Time of day", description = "When, in the server's time zone, as HH:mm.")
    String time() default "03:00";

    @AttributeDefinition(name = "Backups kept", description = "The newest this many are kept; older ones are deleted.",
            min = "1", max = "365")
    int keep() default 7;

    @AttributeDefinition(name = "Folder", description = "Where backups go; empty means <data>/backups.",
            required = false)
    String folder() default "";
}
