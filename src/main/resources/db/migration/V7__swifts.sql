-- Swifts (issue 8): 24-hour stories. A swift is made in two steps: the upload becomes the
-- caller's draft (one per user: a new upload replaces it), publishing moves it to swifts with an
-- expiry time. Reads never serve a swift at or after expires_at; the purge (swift.control
-- SwiftPurge) deletes expired rows and their files later. User-written columns are sized at
-- twice their limit in characters (see V2).

CREATE TABLE swift_drafts (
  user_id    BIGINT       NOT NULL,
  type       VARCHAR(5)   NOT NULL,           -- image | video
  src        VARCHAR(300) NOT NULL,           -- the served file
  poster     VARCHAR(300) NOT NULL DEFAULT '', -- a video's poster frame, '' for an image
  duration   INT          NOT NULL DEFAULT 0, -- a video's length in whole seconds (rounded up)
  created_at BIGINT       NOT NULL,
  PRIMARY KEY (user_id),
  CONSTRAINT fk_swift_drafts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_swift_drafts_created ON swift_drafts (created_at);

CREATE TABLE swifts (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  swid       VARCHAR(16)  NOT NULL,           -- the public id: 16 random letters and digits
  user_id    BIGINT       NOT NULL,
  type       VARCHAR(5)   NOT NULL,
  src        VARCHAR(300) NOT NULL,
  poster     VARCHAR(300) NOT NULL DEFAULT '',
  duration   INT          NOT NULL DEFAULT 0,
  text       VARCHAR(400) NOT NULL DEFAULT '', -- 200 characters
  view_count INT          NOT NULL DEFAULT 0,  -- rows of swift_views
  created_at BIGINT       NOT NULL,
  expires_at BIGINT       NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_swifts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_swifts_swid ON swifts (swid);
-- the stories bar: an author's live swifts; the purge: what has expired
CREATE INDEX ix_swifts_user ON swifts (user_id, expires_at);
CREATE INDEX ix_swifts_expires ON swifts (expires_at);
-- the media sweep asks whether a committed row names a file
CREATE INDEX ix_swifts_src ON swifts (src);
CREATE INDEX ix_swifts_poster ON swifts (poster);

-- One view per viewer and swift: the primary key makes a repeated or concurrent view count once.
CREATE TABLE swift_views (
  swift_id  BIGINT NOT NULL,
  viewer_id BIGINT NOT NULL,
  viewed_at BIGINT NOT NULL,
  PRIMARY KEY (swift_id, viewer_id),
  CONSTRAINT fk_swift_views_swift FOREIGN KEY (swift_id) REFERENCES swifts (id) ON DELETE CASCADE,
  CONSTRAINT fk_swift_views_viewer FOREIGN KEY (viewer_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_swift_views_viewer ON swift_views (viewer_id);
