package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlocksTest {

    private static RuntimeException deadlock() {
        return new EJBException(new RuntimeException(new SQLException("Deadlock found", "40001", 1213)));
    }

    @Test
    void aDeadlockVictimRunsAgain() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("done", Deadlocks.retry(() -> {
            if (calls.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "done";
        }));
        assertEquals(3, calls.get());
    }

    @Test
    void atMostThreeTimesAndOtherFailuresAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(EJBException.class, () -> Deadlocks.retry(() -> {
            calls.incrementAndGet();
            throw deadlock();
        }));
        assertEquals(3, calls.get());
        AtomicInteger once = new AtomicInteger();
        assertThrows(ApiException.class, () -> Deadlocks.retry(() -> {
            once.incrementAndGet();
            throw new ApiException(400, "no");
        }));
        assertEquals(1, once.get());
    }
}
