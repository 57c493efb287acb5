-- Posts and replies, the timeline entries feeds are read from, media, polls, hashtags, mentions.
-- User-written columns are sized at twice their limit in characters (see V2: H2 counts UTF-16
-- units, an emoji is two). A deleted post is deleted (no status flag): its rows below go with it.

CREATE TABLE posts (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  user_id       BIGINT        NOT NULL,
  thread_id     BIGINT        NOT NULL DEFAULT 0,           -- the parent post, 0 for a top-level post
  type          VARCHAR(8)    NOT NULL,                     -- text | image | video | gif | poll
  text          VARCHAR(1200) NOT NULL DEFAULT '',          -- 600 characters
  og_data       VARCHAR(6000) NOT NULL DEFAULT '',          -- sanitised link preview (JSON), '' for none
  reply_privacy VARCHAR(10)   NOT NULL DEFAULT 'everyone',  -- who may reply: everyone | followers | mentioned
  replys_count  INT           NOT NULL DEFAULT 0,           -- direct replies
  reposts_count INT           NOT NULL DEFAULT 0,
  likes_count   INT           NOT NULL DEFAULT 0,
  created_at    BIGINT        NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_posts_thread ON posts (thread_id, id);
CREATE INDEX ix_posts_user ON posts (user_id, id);

-- What feeds and profile tabs list, newest first by id (ColibriSM's cl_posts): one entry per
-- top-level post on its author's timeline; reposts (engagement) add entries on the reposter's.
-- Replies have none. The entry id is the offset_id clients page with.
CREATE TABLE timeline (
  id         BIGINT     NOT NULL AUTO_INCREMENT,
  user_id    BIGINT     NOT NULL,                 -- whose timeline: the author, or the reposter
  post_id    BIGINT     NOT NULL,
  kind       VARCHAR(8) NOT NULL DEFAULT 'post',  -- post | repost
  has_media  TINYINT    NOT NULL DEFAULT 0,       -- the post is an image, video or gif post (media tab)
  created_at BIGINT     NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_timeline_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_timeline_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_timeline_user ON timeline (user_id, id);
CREATE INDEX ix_timeline_user_media ON timeline (user_id, has_media, id);
CREATE INDEX ix_timeline_post ON timeline (post_id);

-- Attachments. A row without post_id is in its owner's draft (uploaded, not yet published).
CREATE TABLE post_media (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  user_id    BIGINT       NOT NULL,
  post_id    BIGINT       NULL,
  type       VARCHAR(8)   NOT NULL,             -- image | video | gif
  src        VARCHAR(700) NOT NULL,             -- stored path, or the GIF's URL
  thumb      VARCHAR(300) NOT NULL DEFAULT '',  -- image: the 300x300 thumbnail; video: the poster
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_post_media_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_post_media_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_media_post ON post_media (post_id, id);
CREATE INDEX ix_post_media_draft ON post_media (user_id, post_id);
CREATE INDEX ix_post_media_src ON post_media (src);
CREATE INDEX ix_post_media_thumb ON post_media (thumb);

CREATE TABLE poll_options (
  post_id  BIGINT      NOT NULL,
  position INT         NOT NULL,  -- 0-based, as sent
  text     VARCHAR(50) NOT NULL,  -- 25 characters
  votes    INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (post_id, position),
  CONSTRAINT fk_poll_options_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);

-- posts = how many posts carry the tag now (search ranks by it; deleting a post lowers it).
CREATE TABLE hashtags (
  id           BIGINT       NOT NULL AUTO_INCREMENT,
  tag          VARCHAR(200) NOT NULL,  -- as first written, 100 characters
  tag_key      VARCHAR(200) NOT NULL,  -- lower-cased: #Java and #java are one tag
  posts        INT          NOT NULL DEFAULT 0,
  last_used_at BIGINT       NOT NULL,
  PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uk_hashtags_key ON hashtags (tag_key);

CREATE TABLE post_hashtags (
  post_id    BIGINT NOT NULL,
  hashtag_id BIGINT NOT NULL,
  PRIMARY KEY (post_id, hashtag_id),
  CONSTRAINT fk_post_hashtags_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT fk_post_hashtags_tag FOREIGN KEY (hashtag_id) REFERENCES hashtags (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_hashtags_tag ON post_hashtags (hashtag_id, post_id);

-- Existing users @-mentioned in a post (links in the text, "mentioned" reply privacy, notifications).
CREATE TABLE post_mentions (
  post_id BIGINT NOT NULL,
  user_id BIGINT NOT NULL,
  PRIMARY KEY (post_id, user_id),
  CONSTRAINT fk_post_mentions_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
  CONSTRAINT fk_post_mentions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_mentions_user ON post_mentions (user_id, post_id);

-- Likes belong to engagement (like_post comes with it); the table is here because the profile's
-- liked tab reads it. The entry id is that tab's offset_id.
CREATE TABLE post_likes (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,
  post_id    BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_post_likes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_post_likes_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_post_likes_pair ON post_likes (user_id, post_id);
CREATE INDEX ix_post_likes_user ON post_likes (user_id, id);
CREATE INDEX ix_post_likes_post ON post_likes (post_id, id);

-- The one post shown first on the profile (an extension: ColibriSM's API has no pin).
ALTER TABLE users ADD COLUMN pinned_post_id BIGINT NULL;
