package org.twittner.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The client address of a request. X-Forwarded-For and Forwarded are honoured only when the
 * connection comes from a configured proxy ({@code TWITTNER_TRUSTED_PROXIES}: addresses or
 * CIDR ranges, comma-separated; none by default), because anyone else can write them. The
 * forwarded chain is read from the right, skipping our own proxies: the first address that is
 * not one of them is the client. Headers are bounded before parsing; nothing here looks up a
 * name (only literal addresses are accepted).
 */
public final class TrustedProxies {

    private static final int MAX_HEADER_CHARS = 2048;
    private static final int MAX_HOPS = 32;

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses the setting; an entry that is not an address or range fails the start. */
    public static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            InetAddress address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("TWITTNER_TRUSTED_PROXIES: not an address or range: " + text);
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("TWITTNER_TRUSTED_PROXIES: bad prefix length: " + text);
                }
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /**
     * The client's address: the peer's, unless the peer is a trusted proxy and a forwarded
     * header names someone before it.
     */
    public String clientAddress(String peer, String forwarded, String xForwardedFor) {
        if (ranges.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null ? forwardedFor(forwarded) : xForwardedFor(xForwardedFor);
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (literal(hop) == null) {
                return peer; // a hop we cannot read: trust nothing to its left
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /** The client address of a request (the one place that reads the forwarded headers). */
    public String clientAddressOf(HttpServletRequest request) {
        return clientAddress(request.getRemoteAddr(), request.getHeader("Forwarded"), request.getHeader("X-Forwarded-For"));
    }

    boolean trusted(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return false;
        }
        byte[] bytes = parsed.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> xForwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        if (header == null || header.length() > MAX_HEADER_CHARS) {
            return hops;
        }
        for (String hop : header.split(",", MAX_HOPS + 1)) {
            hops.add(hop.strip());
        }
        return hops.size() > MAX_HOPS ? List.of() : hops;
    }

    /** The for= values of an RFC 7239 header: {@code for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"}. */
    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        if (header.length() > MAX_HEADER_CHARS) {
            return hops;
        }
        for (String element : header.split(",", MAX_HOPS + 1)) {
            String hop = "";
            for (String pair : element.split(";")) {
                String p = pair.strip();
                if (p.regionMatches(true, 0, "for=", 0, 4)) {
                    hop = unquoteNode(p.substring(4).strip());
                }
            }
            hops.add(hop);
        }
        return hops.size() > MAX_HOPS ? List.of() : hops;
    }

    private static String unquoteNode(String node) {
        String value = node.length() >= 2 && node.startsWith("\"") && node.endsWith("\"")
                ? node.substring(1, node.length() - 1) : node;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            return close < 0 ? "" : value.substring(1, close);
        }
        int colon = value.indexOf(':');
        return colon >= 0 && value.indexOf(':', colon + 1) < 0 ? value.substring(0, colon) : value;
    }

    /** An address in one spelling ("::1" and "0:0:0:0:0:0:0:1" alike), or as given when it is no literal. */
    static String normalized(String address) {
        InetAddress parsed = literal(address);
        return parsed == null ? String.valueOf(address) : parsed.getHostAddress();
    }

    /** A literal IPv4 or IPv6 address, or null; never a name lookup. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        boolean ipv6 = text.indexOf(':') >= 0;
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
            boolean ok = (c >= '0' && c <= '9') || c == '.' || (ipv6 && (c == ':' || (c >= 'a' && c <= 'f')));
            if (!ok) {
                return null;
            }
        }
        if (!ipv6 && !dottedQuad(text)) {
            return null;
        }
        try {
            return InetAddress.getByName(text.toLowerCase(Locale.ROOT));
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static boolean dottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
