package org.parley.agent.internal;

import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.parley.platform.database.Database;

/**
 * The agent bundle's tables, migrated once when the bundle activates, and the transactions on them. A service of
 * this bundle only, shared by the directory, the queues and the sessions.
 */
// Immediate: the schema is migrated when Parley starts, not when the first agent request arrives.
@Component(service = AgentDatabase.class, immediate = true)
public final class AgentDatabase {
    private final SqlSessionFactory sessions;

    @Activate
    public AgentDatabase(@Reference Database database) {
        this.sessions = database.open("agent", getClass().getClassLoader(), AgentMapper.class, QueueMapper.class,
                SessionMapper.class, PlanMapper.class, InvitationMapper.class, AvatarMapper.class,
                NotificationSettingsMapper.class);
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    <T> T write(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(false)) {
            try {
                T result = work.apply(session);
                session.commit(true);
                return result;
            } catch (RuntimeException e) {
                session.rollback(true);
                throw e;
            }
        }
    }

    /**
     * Runs the work in one transaction whose checks may be overtaken: when the database refuses the write for
     * breaking a unique or other constraint, someone else wrote the same username, email or name after our checks
     * ran. The checks then run again, so that the caller hears the same precise answer either way.
     *
     * @param checks the work's checks; they throw the AgentException that names the field
     */
    <T> T write(Function<SqlSession, T> work, Consumer<SqlSession> checks) {
        try {
            return write(work);
        } catch (RuntimeException e) {
            if (!isConstraintViolation(e)) {
                throw e;
            }
            read(session -> {
                checks.accept(session);
                return null;
            });
            throw FieldRules.conflict(null, "Someone else changed the same data at the same time; try again");
        }
    }

    /** Runs queries that change nothing. */
    <T> T read(Function<SqlSession, T> work) {
        try (SqlSession session = sessions.openSession(true)) {
            return work.apply(session);
        }
    }

    /** SQLSTATE class 23, integrity constraint violation: the same on H2 and PostgreSQL. */
    private static boolean isConstraintViolation(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
