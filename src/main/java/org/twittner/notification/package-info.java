/**
 * Notifications and push delivery. Notifications are written by observing the events of the
 * components where things happen (engagement's {@code PostReaction}, post's
 * {@code PostPublished}, social's {@code FollowChanged}, message's {@code MessageSent}) in their
 * transactions: those components do not know how notifications are stored or delivered. Every
 * notification and message also puts a push per registered device into the outbox
 * ({@code push_outbox}, same transaction), which {@link org.twittner.notification.control.PushWorker}
 * sends to Firebase Cloud Messaging (HTTP v1) in the background, with retries.
 *
 * <p>Endpoints: get_notifications, delete_notifs (contract: ../shared/api/notifications.md).
 * <p>May depend on: user, session (push tokens), media (avatar URLs), social, post, engagement, message, platform.
 */
package org.twittner.notification;
