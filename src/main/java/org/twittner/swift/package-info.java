/**
 * Swifts: 24-hour stories of one image or video. An upload becomes the caller's draft
 * ({@code control.SwiftUploads}, {@code control.Swifts}); publishing makes it a swift that
 * followers see in their stories bar ({@code control.StoriesBar}) until it expires; views are
 * counted once per viewer ({@code control.SwiftViews}); expired swifts, their views and files
 * are removed by a timer ({@code control.SwiftPurge}), but are never served after their time
 * whenever that runs.
 *
 * <p>Endpoints: upload_swift_media, delete_swift_media, publish_swift, delete_swift, get_swifts,
 * reg_swift_view (contract: ../shared/api/content.md, page Swifts).
 * <p>May depend on: user, social, media, platform.
 */
package org.twittner.swift;
