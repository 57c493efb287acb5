package org.twittner.message.control;

/**
 * A message was sent: fired synchronously in its transaction (a push for it is written with it).
 * {@code text} is the message's text ("Image" for an image).
 */
public record MessageSent(long messageId, long senderId, long recipientId, String text, boolean image) {
}
