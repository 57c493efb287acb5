package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        assertEquals("203.0.113.9", TrustedProxies.NONE.clientAddress("203.0.113.9", "for=1.2.3.4", "1.2.3.4"));
        assertEquals("10.0.0.5", TrustedProxies.parse("").clientAddress("10.0.0.5", null, "1.2.3.4"));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.1, ::1");
        assertEquals("198.51.100.7", proxies.clientAddress("10.1.2.3", null, "198.51.100.7"));
        assertEquals("198.51.100.7", proxies.clientAddress("::1", null, "198.51.100.7"));
        // a client's own header is kept left of what our proxies add: the rightmost untrusted hop counts
        assertEquals("198.51.100.7", proxies.clientAddress("10.1.2.3", null, "6.6.6.6, 198.51.100.7, 10.9.9.9"));
        assertEquals("2001:db8::1", proxies.clientAddress("192.168.1.1",
                "for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.7", null));
        assertEquals("198.51.100.7", proxies.clientAddress("192.168.1.1", "for=198.51.100.7:1234", null));
    }

    @Test
    void anUntrustedPeerOrAnUnreadableHopIsNotBelieved() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
        assertEquals("203.0.113.9", proxies.clientAddress("203.0.113.9", null, "1.2.3.4"));
        assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", null, "unknown"));
        assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", null, "example.com"));
        assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", null, "1.2.3.4,".repeat(1000)));
        assertEquals("10.1.2.3", proxies.clientAddress("10.1.2.3", null, null));
    }

    @Test
    void aBadSettingFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.com"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("300.1.1.1"));
    }
}
