package org.twittner.platform;

/**
 * An endpoint's paging rules: the page size when {@code page_size} is absent or unreadable, the
 * largest it honours, and the answer when a page is empty (the contract varies it per
 * endpoint: 204 or 404, each with its message).
 */
public record PageRules(int defaultSize, int maxSize, int emptyCode, String emptyMessage) {

    public PageRules {
        if (defaultSize < 1 || maxSize < defaultSize) {
            throw new IllegalArgumentException("page sizes: default " + defaultSize + ", max " + maxSize);
        }
    }

    /** The answer to a page with nothing on it. */
    public ApiException empty() {
        return new ApiException(emptyCode, emptyMessage);
    }
}
