package org.twittner.message.control;

/**
 * A message as send_message, get_messages and search_messages send it (contract README §2).
 * {@code owner} and {@code side} are from the caller's point of view; {@code seen} is "0" or
 * the Unix time it was read (as the reference stores it); {@code mediaFile} is a URL or "".
 */
public record MessageView(
        long id,
        long sentBy,
        long sentTo,
        boolean owner,
        String message,
        String mediaFile,
        String mediaType,
        String seen,
        String deletedFs1,
        String deletedFs2,
        String time,
        String side,
        String mediaName,
        String mediaRaw) {
}
