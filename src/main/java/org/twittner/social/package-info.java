/**
 * Social: the graph. Follows (and follow requests) and blocks, and how two users relate
 * ({@code control.Relationships}), which profiles, feeds and replies ask.
 *
 * <p>Endpoints: none yet; follow, fetch_followers, fetch_following, follow_requests,
 * accept_follow, ignore_follow, block_user come here (contract: ../shared/api/social.md, moderation.md).
 * <p>May depend on: user, platform.
 */
package org.twittner.social;
