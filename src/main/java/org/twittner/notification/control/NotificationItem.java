package org.twittner.notification.control;

/**
 * One item of get_notifications (contract README §2.8). {@code json} is the JSON-encoded
 * string "[]" the apps parse as a String; {@code userId} (the notifier) and {@code postId} (the
 * post for post subjects, else 0) are the extra keys the reference adds per subject and the
 * Dart model reads as ints, sent on every item so their type never varies.
 */
public record NotificationItem(
        long id,
        long notifierId,
        long recipientId,
        String status,
        String subject,
        long entryId,
        String json,
        String time,
        String username,
        String avatar,
        String verified,
        String name,
        String url,
        long userId,
        long postId) {
}
