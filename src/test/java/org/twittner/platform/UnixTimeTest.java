package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnixTimeTest {

    @Test
    void memberSinceIsShortMonthAndYear() {
        assertEquals("Jul 2020", UnixTime.monthYear(1_595_000_000L));
        assertEquals("Jan 1970", UnixTime.monthYear(0));
    }

    @Test
    void listTimeShowsMinutesWhereTheReferencePrintsTheMonth() {
        // 2021-06-21 13:06:40 UTC: the reference would print "21 Jun, 21 01:06 PM" for any minute in June
        assertEquals("21 Jun, 21 01:06 PM", UnixTime.listTime(1_624_280_800L));
        assertEquals("21 Jun, 21 01:47 PM", UnixTime.listTime(1_624_280_800L + 41 * 60));
        assertEquals("01 Jan, 70 12:00 AM", UnixTime.listTime(0));
    }
}
