/**
 * Direct messages: conversations between two users, text or an image, each side deleting its
 * own copy (a message's row and file go once both sides deleted it), who may write to whom
 * (contact privacy, blocks), unread counts and search within a conversation.
 *
 * <p>Endpoints: send_message, get_chats, get_messages, search_messages, delete_message,
 * clear_chat (contract: ../shared/api/messaging.md). Fires {@code MessageSent}, which
 * notification observes to push the message to the recipient's phones.
 * <p>May depend on: user, social, media, platform.
 */
package org.twittner.message;
