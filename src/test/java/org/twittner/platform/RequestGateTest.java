package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    private static RequestGate gate(int turns) {
        TwittnerConfig config = new TwittnerConfig();
        config.requestsConcurrent = turns;
        RequestGate gate = new RequestGate();
        gate.config = config;
        gate.open();
        return gate;
    }

    /** Another request asks for a turn: it must wait until this thread leaves its own, then get it. */
    private static void assertTheNextWaitsForThisTurn(RequestGate gate, String message) throws Exception {
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(gate::enter);
        Thread.sleep(300);
        assertFalse(next.isDone(), message);
        gate.leave();
        assertTrue(next.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aRequestBeyondTheTurnsWaitsUntilOneIsLeft() throws Exception {
        RequestGate gate = gate(2);
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        assertTheNextWaitsForThisTurn(gate, "a third request ran beside two turns");
    }

    @Test
    void workOnAnotherHostRunsWithoutTheTurnAndTakesItBackAfter() throws Exception {
        RequestGate gate = gate(1);
        assertTrue(gate.enter());
        boolean otherRanMeanwhile = gate.outside(() -> {
            // the one turn is free while this request waits on, say, a mail server
            boolean entered = CompletableFuture.supplyAsync(() -> {
                boolean in = gate.enter();
                gate.leave();
                return in;
            }).get(5, TimeUnit.SECONDS);
            return entered;
        });
        assertTrue(otherRanMeanwhile);
        assertTheNextWaitsForThisTurn(gate, "the turn was not taken back after the outside work");
    }

    @Test
    void outsideWorkOfACallerWithoutATurnJustRuns() throws Exception {
        RequestGate gate = gate(1);
        assertEquals("done", gate.outside(() -> "done"));
        // still exactly one turn: outside work neither took one nor gave one back
        assertTrue(gate.enter(), "the one turn is still free");
        assertTheNextWaitsForThisTurn(gate, "outside work of a caller without a turn added one");
    }

    @Test
    void twoTurnsPerProcessorByDefault() {
        TwittnerConfig config = new TwittnerConfig();
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), config.requestsConcurrent());
    }
}
