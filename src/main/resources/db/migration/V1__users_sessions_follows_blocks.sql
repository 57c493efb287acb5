-- Written in the SQL that MySQL/MariaDB and H2 (MODE=MySQL) share. Times are Unix seconds
-- (the API speaks Unix seconds everywhere; BIGINT avoids time-zone conversions).

CREATE TABLE users (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  username        VARCHAR(32)  NOT NULL,
  username_key    VARCHAR(32)  NOT NULL,  -- lower-cased username: uniqueness ignores case
  email           VARCHAR(64)  NOT NULL,
  email_key       VARCHAR(64)  NOT NULL,  -- trimmed, lower-cased e-mail: uniqueness and login
  password_hash   VARCHAR(100) NOT NULL,  -- bcrypt ($2a$/$2b$/$2y$)
  first_name      VARCHAR(32)  NOT NULL,
  last_name       VARCHAR(32)  NOT NULL,
  about           VARCHAR(600) NOT NULL DEFAULT '',
  gender          CHAR(1)      NOT NULL DEFAULT 'M',
  website         VARCHAR(128) NOT NULL DEFAULT '',
  country_id      INT          NOT NULL DEFAULT 1,
  language        VARCHAR(32)  NOT NULL DEFAULT 'english',
  avatar          VARCHAR(300) NOT NULL DEFAULT '',  -- media path under the media root, '' = default
  cover           VARCHAR(300) NOT NULL DEFAULT '',
  cover_orig      VARCHAR(300) NOT NULL DEFAULT '',
  status          TINYINT      NOT NULL DEFAULT 1,    -- 0 unconfirmed, 1 active, 2 suspended
  verified        TINYINT      NOT NULL DEFAULT 0,    -- 0 none, 1 verified, 2 request pending
  profile_privacy VARCHAR(16)  NOT NULL DEFAULT 'everyone',
  post_count      INT          NOT NULL DEFAULT 0,
  follower_count  INT          NOT NULL DEFAULT 0,
  following_count INT          NOT NULL DEFAULT 0,
  ip_address      VARCHAR(45)  NOT NULL DEFAULT '',
  joined_at       BIGINT       NOT NULL,
  last_active_at  BIGINT       NOT NULL,
  PRIMARY KEY (id)
);
CREATE UNIQUE INDEX uk_users_username ON users (username_key);
CREATE UNIQUE INDEX uk_users_email ON users (email_key);

-- One row per signed-in device. Only SHA-256 hashes of the tokens are stored.
CREATE TABLE sessions (
  id                 BIGINT      NOT NULL AUTO_INCREMENT,
  user_id            BIGINT      NOT NULL,
  token_hash         CHAR(64)    NOT NULL,
  refresh_hash       CHAR(64)    NOT NULL,
  platform           VARCHAR(16) NOT NULL,  -- mobile_android | mobile_ios
  created_at         BIGINT      NOT NULL,
  expires_at         BIGINT      NOT NULL,  -- access token
  refresh_expires_at BIGINT      NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_sessions_token ON sessions (token_hash);
CREATE UNIQUE INDEX uk_sessions_refresh ON sessions (refresh_hash);
CREATE INDEX ix_sessions_refresh_expiry ON sessions (refresh_expires_at);

CREATE TABLE follows (
  id           BIGINT     NOT NULL AUTO_INCREMENT,
  follower_id  BIGINT     NOT NULL,
  following_id BIGINT     NOT NULL,
  status       VARCHAR(8) NOT NULL DEFAULT 'active',  -- active | pending (follow request)
  created_at   BIGINT     NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_follows_follower FOREIGN KEY (follower_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_follows_following FOREIGN KEY (following_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_follows_pair ON follows (follower_id, following_id);
CREATE INDEX ix_follows_following ON follows (following_id, status, id);

CREATE TABLE blocks (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,  -- who blocks
  blocked_id BIGINT NOT NULL,  -- who is blocked
  created_at BIGINT NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT fk_blocks_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_blocks_blocked FOREIGN KEY (blocked_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX uk_blocks_pair ON blocks (user_id, blocked_id);
CREATE INDEX ix_blocks_blocked ON blocks (blocked_id);
