/**
 * Posts: composing (media drafts, text, GIF, link preview, poll), replies and threads, deleting,
 * reply privacy, pinning, hashtags and mentions, and the one Post object every list sends
 * ({@link org.twittner.post.control.PostCards}).
 *
 * <p>Endpoints: upload_post_media, delete_post_media, publish_post, change_post_privacy,
 * delete_post, thread_data, thread_replys, pin_post (contract: ../shared/api/content.md).
 * <p>May depend on: user, social, media, platform. Declares ViewerFlags, which engagement implements.
 */
package org.twittner.post;
