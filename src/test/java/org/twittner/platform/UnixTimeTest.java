package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnixTimeTest {

    @Test
    void memberSinceIsShortMonthAndYear() {
        assertEquals("Jul 2020", UnixTime.monthYear(1_595_000_000L));
        assertEquals("Jan 1970", UnixTime.monthYear(0));
    }
}
