-- Social graph and engagement (issue 9): who must approve followers, reposts on timelines,
-- bookmarks, poll votes, and reports kept for moderators. Each "one per user and thing" rule of
-- the domain is a unique key, so that two concurrent taps can never write two rows.

-- everyone: follow at once | approved: a follow is a pending request until the owner accepts it
ALTER TABLE users ADD COLUMN follow_privacy VARCHAR(16) NOT NULL DEFAULT 'everyone';

-- fetch_following pages a user's follows newest first (fetch_followers has ix_follows_following)
CREATE INDEX ix_follows_follower ON follows (follower_id, status, id);

-- The author of the entry's post (the timeline's user for a post, the original author for a
-- repost), and whether that author's profile is public, so that feeds hide reposts of authors
-- the reader blocked or may not see without a lookup per entry. author_public follows
-- users.profile_privacy: whatever changes a profile's privacy updates the author's entries
-- (ix_timeline_author finds them).
ALTER TABLE timeline ADD COLUMN author_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE timeline ADD COLUMN author_public TINYINT NOT NULL DEFAULT 1;
UPDATE timeline SET author_id = user_id;
UPDATE timeline SET author_public = 0 WHERE user_id IN (SELECT id FROM users WHERE profile_privacy <> 'everyone');
CREATE INDEX ix_timeline_author ON timeline (author_id);

CREATE TABLE post_reposts (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,
  post_id    BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_post_reposts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_post_reposts_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_post_reposts_pair ON post_reposts (user_id, post_id);
CREATE INDEX ix_post_reposts_post ON post_reposts (post_id);

CREATE TABLE bookmarks (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,
  post_id    BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_bookmarks_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_bookmarks_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_bookmarks_pair ON bookmarks (user_id, post_id);
CREATE INDEX ix_bookmarks_user ON bookmarks (user_id, id);
CREATE INDEX ix_bookmarks_post ON bookmarks (post_id);

-- One vote per user and poll; votes cannot be changed or withdrawn (as the reference).
CREATE TABLE poll_votes (
  post_id    BIGINT NOT NULL,
  user_id    BIGINT NOT NULL,
  position   INT    NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (post_id, user_id),
  CONSTRAINT fk_poll_votes_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT fk_poll_votes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_poll_votes_user ON poll_votes (user_id);

-- Reports stay for moderators after the post is deleted (no foreign key on post_id; ids are
-- never reused). open_flag is 1 while a report waits for review and NULL once reviewed: the
-- unique key allows one open report per reporter and post, and any number of reviewed ones.
CREATE TABLE post_reports (
  id         BIGINT        NOT NULL AUTO_INCREMENT,
  user_id    BIGINT        NOT NULL,           -- who reports
  post_id    BIGINT        NOT NULL,
  author_id  BIGINT        NOT NULL,           -- the post's author when reported
  reason     TINYINT       NOT NULL,           -- 1..6 as the API lists them
  comment    VARCHAR(5800) NOT NULL DEFAULT '',  -- 2,900 characters
  created_at BIGINT        NOT NULL,
  open_flag  TINYINT       NULL DEFAULT 1,
  PRIMARY KEY (id),
  CONSTRAINT fk_post_reports_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_post_reports_open ON post_reports (user_id, post_id, open_flag);
CREATE INDEX ix_post_reports_review ON post_reports (open_flag, id);

CREATE TABLE profile_reports (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  user_id     BIGINT        NOT NULL,          -- who reports
  reported_id BIGINT        NOT NULL,
  reason      TINYINT       NOT NULL,
  comment     VARCHAR(5800) NOT NULL DEFAULT '',
  created_at  BIGINT        NOT NULL,
  open_flag   TINYINT       NULL DEFAULT 1,
  PRIMARY KEY (id),
  CONSTRAINT fk_profile_reports_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_profile_reports_reported FOREIGN KEY (reported_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_profile_reports_open ON profile_reports (user_id, reported_id, open_flag);
CREATE INDEX ix_profile_reports_review ON profile_reports (open_flag, id);
