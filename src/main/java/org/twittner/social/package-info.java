/**
 * Social: the graph. Follows (and follow requests), blocks, reports about profiles, the user
 * lists ({@code control.UserLists}), and how two users relate ({@code control.Relationships},
 * {@code control.Visibility}), which profiles, feeds, replies and engagement ask.
 *
 * <p>Endpoints: follow, fetch_followers, fetch_following, follow_requests, accept_follow,
 * ignore_follow, block_user, profile_report (contract: ../shared/api/social.md, moderation.md).
 * <p>May depend on: user, platform.
 */
package org.twittner.social;
