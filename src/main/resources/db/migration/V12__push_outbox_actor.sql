-- Who caused a queued push: one queued before a block between the two is dropped when its turn
-- comes, not sent (0: a push queued before this column existed, sent as before).
ALTER TABLE push_outbox ADD COLUMN actor_id BIGINT NOT NULL DEFAULT 0;
