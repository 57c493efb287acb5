/**
 * Search: posts, people and hashtags, through an inverted index of our own (V10: terms made by
 * {@code platform.SearchText}, the same on every database) rather than a database's full-text
 * engine; docs/architecture.md says why. The index follows what it indexes by observing post's
 * {@code PostPublished}, user's {@code UserSearchEntryChanged} and social's
 * {@code FollowerCountChanged} in their transactions; deletes cascade. Results are filtered in
 * SQL by social's visibility rules.
 *
 * <p>Endpoints: search_hashtags, search_people, search_posts (contract: ../shared/api/search.md).
 * <p>May depend on: user, social, post, platform.
 */
package org.twittner.search;
