-- Notifications, direct messages and the push outbox (issue 11).

-- What happened to a user because of someone else: a like, reply, repost, mention, follow,
-- follow request or accepted request. One row per (recipient, notifier, subject, entry): a like
-- taken back and given again finds its row (withdrawn = 1 meanwhile) instead of a second one.
CREATE TABLE notifications (
  id           BIGINT      NOT NULL AUTO_INCREMENT,
  recipient_id BIGINT      NOT NULL,
  notifier_id  BIGINT      NOT NULL,
  subject      VARCHAR(32) NOT NULL,   -- like | reply | repost | mention | subscribe | subscribe_request | subscribe_accept
  entry_id     BIGINT      NOT NULL,   -- the post for post subjects, the notifier for follow subjects
  is_read      TINYINT     NOT NULL DEFAULT 0,
  withdrawn    TINYINT     NOT NULL DEFAULT 0,   -- taken back (unlike, unfollow, request withdrawn or ignored)
  created_at   BIGINT      NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_notifications_recipient FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_notifications_notifier FOREIGN KEY (notifier_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_notifications_once ON notifications (recipient_id, notifier_id, subject, entry_id);
CREATE INDEX ix_notifications_recipient ON notifications (recipient_id, id);
CREATE INDEX ix_notifications_entry ON notifications (entry_id);

-- A conversation as each side lists it (get_chats): one row per direction, like the reference,
-- so that one side can remove the chat from their list and the other keeps it.
CREATE TABLE chats (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  owner_id   BIGINT NOT NULL,
  other_id   BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_chats_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_chats_other FOREIGN KEY (other_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_chats_pair ON chats (owner_id, other_id);
CREATE INDEX ix_chats_list ON chats (owner_id, updated_at);

-- Direct messages. low_id/high_id name the pair whoever sent, so that a conversation is one
-- index range; each side deletes for itself, and the row goes when both have.
CREATE TABLE messages (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  low_id               BIGINT        NOT NULL,
  high_id              BIGINT        NOT NULL,
  sender_id            BIGINT        NOT NULL,
  recipient_id         BIGINT        NOT NULL,
  text                 VARCHAR(6000) NOT NULL,              -- 3,000 characters (UTF-16 units on H2)
  media_file           VARCHAR(300)  NOT NULL DEFAULT '',   -- a media path, or ''
  media_type           VARCHAR(8)    NOT NULL DEFAULT 'none',
  seen_at              BIGINT        NOT NULL DEFAULT 0,
  deleted_by_sender    TINYINT       NOT NULL DEFAULT 0,
  deleted_by_recipient TINYINT       NOT NULL DEFAULT 0,
  created_at           BIGINT        NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_messages_sender FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_messages_recipient FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_messages_pair ON messages (low_id, high_id, id);
CREATE INDEX ix_messages_unseen ON messages (recipient_id, sender_id, seen_at);
CREATE INDEX ix_messages_media ON messages (media_file);

-- Pushes waiting for delivery, one per device (push_tokens row), written in the transaction of
-- what caused them and sent by notification.control.PushWorker. A worker claims a row for a
-- while (claimed_until) before it sends, so two instances never send one row both; a device
-- that signs out takes its waiting pushes with it.
CREATE TABLE push_outbox (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  session_id      BIGINT        NOT NULL,
  kind            VARCHAR(32)   NOT NULL,   -- the notification subject, or chat_message
  title           VARCHAR(200)  NOT NULL,
  body            VARCHAR(400)  NOT NULL,
  data            VARCHAR(4000) NOT NULL,   -- a JSON object of strings (FCM's data map)
  attempts        INT           NOT NULL DEFAULT 0,
  next_attempt_at BIGINT        NOT NULL,
  claimed_until   BIGINT        NOT NULL DEFAULT 0,
  claimed_by      VARCHAR(40)   NOT NULL DEFAULT '',
  created_at      BIGINT        NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_push_outbox_device FOREIGN KEY (session_id) REFERENCES push_tokens (session_id) ON DELETE CASCADE
);
CREATE INDEX ix_push_outbox_due ON push_outbox (next_attempt_at);
