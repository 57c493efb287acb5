package org.twittner.platform;

/**
 * One page of a newest-first list, by keyset: items with an id below {@code before} (every id
 * when it is {@link Long#MAX_VALUE}, the first page), at most {@code size} of them.
 */
public record Page(long before, int size) {
}
