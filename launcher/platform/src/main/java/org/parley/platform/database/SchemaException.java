package org.parley.platform.database;

/** A schema could not be brought up to date; Parley must not run on it. */
public class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean newerThanCode;

    public SchemaException(String message, boolean newerThanCode, Throwable cause) {
        super(message, cause);
        this.newerThanCode = newerThanCode;
    }

    /** True when the database holds migrations this code does not know: it was used by a newer Parley. */
    public boolean isNewerThanCode() {
        return newerThanCode;
    }
}
