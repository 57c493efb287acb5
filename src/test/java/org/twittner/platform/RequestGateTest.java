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

    @Test
    void aRequestBeyondTheTurnsWaitsUntilOneIsLeft() throws Exception {
        RequestGate gate = gate(2);
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(gate::enter);
        Thread.sleep(300);
        assertFalse(third.isDone(), "a third request ran beside two turns");
        gate.leave();
        assertTrue(third.get(5, TimeUnit.SECONDS));
    }

    @Test
    void twoTurnsPerProcessorByDefault() {
        TwittnerConfig config = new TwittnerConfig();
        assertEquals(2 * Runtime.getRuntime().availableProcessors(), config.requestsConcurrent());
    }
}
