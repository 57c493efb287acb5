package org.twittner.search.control;

import org.twittner.platform.Page;

/**
 * A page of a list the reference pages by row count (search_people, search_hashtags: their
 * items carry no cursor): {@code offset} is how many items the client has. Deep pages cost
 * what they skip, so past {@link #MAX_SKIP} items a list ends.
 */
public record RowPage(long skip, int size) {

    public static final long MAX_SKIP = 1000;

    /** From the keyset page the request parameters give (its "before" is the offset as sent). */
    public static RowPage of(Page page) {
        return new RowPage(page.before() == Long.MAX_VALUE ? 0 : page.before(), page.size());
    }

    public boolean beyondEnd() {
        return skip > MAX_SKIP;
    }
}
