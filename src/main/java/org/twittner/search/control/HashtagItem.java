package org.twittner.search.control;

/** One search_hashtags item (contract search.md; clients.md: time and total are strings). */
public record HashtagItem(long id, int posts, String tag, String time, String hashtag, String url, String total) {
}
