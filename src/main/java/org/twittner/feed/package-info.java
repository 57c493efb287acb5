/**
 * Feeds: the home timeline and a profile's post, media and liked tabs. Selects the entries
 * where they live (timeline, likes: read across, keyset by id), then asks post for the cards.
 *
 * <p>Endpoints: feeds (../shared/api/content.md), profile_posts (../shared/api/profile.md).
 * <p>May depend on: user, social, post, platform.
 */
package org.twittner.feed;
