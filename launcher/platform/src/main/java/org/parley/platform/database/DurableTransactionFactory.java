package org.parley.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.ibatis.session.TransactionIsolationLevel;
import org.apache.ibatis.transaction.Transaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransaction;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * MyBatis transactions whose commit returns only when the change is on the disk ({@link DurableCommits}). Sessions on
 * a connection someone else owns are plain: their owner commits, and waits then.
 */
final class DurableTransactionFactory extends JdbcTransactionFactory {
    private final DurableCommits commits;

    DurableTransactionFactory(DurableCommits commits) {
        this.commits = commits;
    }

    @Override
    public Transaction newTransaction(DataSource dataSource, TransactionIsolationLevel level, boolean autoCommit) {
        return new JdbcTransaction(dataSource, level, autoCommit) {
            @Override
            public void commit() throws SQLException {
                super.commit();
                Connection committed = connection;
                if (committed != null && !committed.getAutoCommit()) {
                    commits.await(committed);
                }
            }
        };
    }
}
