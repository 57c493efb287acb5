package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    @Test
    void englishAsTheAppsShowIt() {
        assertEquals("just now", RelativeTime.ago(100, 100));
        assertEquals("just now", RelativeTime.ago(200, 100));
        assertEquals("1 second ago", RelativeTime.ago(99, 100));
        assertEquals("24 seconds ago", RelativeTime.ago(76, 100));
        assertEquals("2 minutes ago", RelativeTime.ago(0, 150));
        assertEquals("9 hours ago", RelativeTime.ago(0, 9 * 3600 + 59));
        assertEquals("1 day ago", RelativeTime.ago(0, 86_400));
        assertEquals("3 months ago", RelativeTime.ago(0, 95L * 86_400));
        assertEquals("2 years ago", RelativeTime.ago(0, 800L * 86_400));
    }
}
