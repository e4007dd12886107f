package org.parley.chat.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

/**
 * Another bundle's transaction, lent to this one: MyBatis may run statements on it, but its commit, rollback, close
 * and auto-commit calls (which it makes when a session ends) are ignored, because the transaction's owner decides.
 */
final class BorrowedConnection implements InvocationHandler {
    private static final Set<String> OWNERS_ONLY = Set.of("commit", "rollback", "close", "setAutoCommit");

    private final Connection connection;

    private BorrowedConnection(Connection connection) {
        this.connection = connection;
    }

    static Connection of(Connection connection) {
        return (Connection) Proxy.newProxyInstance(BorrowedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new BorrowedConnection(connection));
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        if (OWNERS_ONLY.contains(method.getName()) && method.getReturnType() == void.class) {
            return null;
        }
        try {
            return method.invoke(connection, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
