package org.twittner.message.control;

/**
 * One conversation of get_chats (contract README §2.7): the other person, the newest message
 * the caller still has, and how many of theirs the caller has not read ("" for none).
 */
public record ChatRow(
        long userId,
        String username,
        String name,
        String avatar,
        String verified,
        long chatId,
        String time,
        String lastMessage,
        String newMessages,
        String chatUrl) {
}
