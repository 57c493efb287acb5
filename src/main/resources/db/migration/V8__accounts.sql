-- Accounts (issue 10): the privacy settings not yet stored, one push token per signed-in device,
-- password-reset links, verification requests for moderators, and the attempt counters of the
-- rate limits (in the database, so that every server instance sees the same counts).

-- everyone: anyone may write to the user | followed: only people the user follows
ALTER TABLE users ADD COLUMN contact_privacy VARCHAR(16) NOT NULL DEFAULT 'everyone';
-- 1: the profile may be found by search | 0: hidden from search
ALTER TABLE users ADD COLUMN search_visibility TINYINT NOT NULL DEFAULT 1;

-- One row per signed-in device (session): logout, a password change or the session's expiry
-- removes it with the session. A token belongs to one device, so it is unique: a second account
-- signing in on the same phone takes it over.
CREATE TABLE push_tokens (
  session_id BIGINT       NOT NULL,
  user_id    BIGINT       NOT NULL,
  token      VARCHAR(300) NOT NULL,
  token_hash CHAR(64)     NOT NULL,   -- SHA-256 of token: the unique key (a 250-character key is too long for some indexes)
  platform   VARCHAR(8)   NOT NULL,   -- android | ios
  updated_at BIGINT       NOT NULL,
  PRIMARY KEY (session_id),
  CONSTRAINT fk_push_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE,
  CONSTRAINT fk_push_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_push_tokens_token ON push_tokens (token_hash);
CREATE INDEX ix_push_tokens_user ON push_tokens (user_id);

-- The one live reset link of an account (a new request replaces it); only the token's hash.
CREATE TABLE password_resets (
  user_id    BIGINT   NOT NULL,
  token_hash CHAR(64) NOT NULL,
  created_at BIGINT   NOT NULL,
  expires_at BIGINT   NOT NULL,
  PRIMARY KEY (user_id),
  CONSTRAINT fk_password_resets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_password_resets_token ON password_resets (token_hash);

-- verify_user: what a moderator reviews (users.verified is 2 while one waits).
CREATE TABLE verification_requests (
  id         BIGINT        NOT NULL AUTO_INCREMENT,
  user_id    BIGINT        NOT NULL,
  full_name  VARCHAR(120)  NOT NULL,          -- 60 characters
  text       VARCHAR(2400) NOT NULL,          -- 1,200 characters
  video      VARCHAR(300)  NOT NULL,          -- media paths
  poster     VARCHAR(300)  NOT NULL,
  created_at BIGINT        NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_verification_requests_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_verification_requests_user ON verification_requests (user_id);
CREATE INDEX ix_verification_requests_video ON verification_requests (video);
CREATE INDEX ix_verification_requests_poster ON verification_requests (poster);

-- Attempts per action and client address or account, in fixed windows (platform.RateLimits).
CREATE TABLE rate_limits (
  bucket       VARCHAR(200) NOT NULL,   -- action:address:<ip> | action:account:<key>
  window_start BIGINT       NOT NULL,
  hits         INT          NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX ix_rate_limits_window ON rate_limits (window_start);
