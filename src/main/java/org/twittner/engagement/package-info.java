/**
 * Engagement: what people do to posts. Likes, reposts and bookmarks (toggles), poll votes,
 * reports about posts (kept for moderators), the likers and bookmarks lists, and the viewer's
 * flags on every Post object ({@link org.twittner.engagement.control.EngagementFlags}
 * implements post's ViewerFlags).
 *
 * <p>Endpoints: like_post, fetch_likes, vote_polls, add_bookmark, get_bookmarks,
 * publication_repost, publication_report (contract: ../shared/api/engagement.md).
 * <p>May depend on: user, social, post, platform.
 */
package org.twittner.engagement;
