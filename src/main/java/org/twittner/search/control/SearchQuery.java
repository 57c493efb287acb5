package org.twittner.search.control;

import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.platform.SearchText;

/** A search term as the three searches take it: 1 to 32 characters once trimmed, as the reference checks. */
public record SearchQuery(String text) {

    public static final String INVALID = "The search term is invalid or missing";
    static final int MAX_CHARACTERS = 32;

    public static SearchQuery of(String raw) {
        String text = raw == null ? "" : raw.strip();
        // the length is checked on the UTF-16 length first, so a huge value is never walked
        if (text.isEmpty() || text.length() > 2 * MAX_CHARACTERS || text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            throw new ApiException(400, INVALID);
        }
        return new SearchQuery(text);
    }

    /** The index terms every result must hold (none: nothing can match). */
    public List<String> terms() {
        return SearchText.queryTerms(text);
    }
}
