package org.twittner.platform;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs a transaction again when the database chose it as a deadlock victim (SQL state 40001):
 * writers that lock rows in a fixed order rarely meet in a circle, but index-gap locks on
 * MySQL can still close one. The whole transaction is called again from outside, up to three
 * times; anything else passes through.
 */
public final class Deadlocks {

    static final int ATTEMPTS = 3;

    private Deadlocks() {
    }

    public static <T> T retry(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS || !isDeadlock(failure)) {
                    throw failure;
                }
            }
        }
    }

    public static void retry(Runnable transaction) {
        retry(() -> {
            transaction.run();
            return null;
        });
    }

    static boolean isDeadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
