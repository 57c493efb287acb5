/**
 * Profile: reading a profile and changing its pictures. The profile view with the caller's
 * relationship flags, avatar and cover uploads, and moving the cover window.
 *
 * <p>Endpoints: profile, avatar, cover, cover_reposition (contract: ../shared/api/profile.md).
 * <p>May depend on: user, social, media, platform.
 */
package org.twittner.profile;
