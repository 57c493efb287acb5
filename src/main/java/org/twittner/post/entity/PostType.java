package org.twittner.post.entity;

import java.util.Locale;

/** What a post carries; the wire and the column use the lower-case names. */
public enum PostType {
    TEXT, IMAGE, VIDEO, GIF, POLL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** From its wire (and column) name. */
    public static PostType ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Listed on the profile's media tab. */
    public boolean hasMedia() {
        return this == IMAGE || this == VIDEO || this == GIF;
    }
}
