-- Search (issue 11): an inverted index of our own, the same on H2 and MariaDB. Terms are made by
-- platform.SearchText (folded words, #tags, @names, pairs of CJK characters); a page of results is
-- a range of one term's (term, id) key, newest first, so its cost does not grow with the data.
-- Rows change in the transaction that changes what they index; deleting a post or an account
-- deletes its terms (ON DELETE CASCADE). Terms are at most 32 characters (64 UTF-16 units, V2).

-- Top-level posts (search_posts never returns replies, like the reference).
CREATE TABLE post_search_terms (
  term    VARCHAR(64) NOT NULL,
  post_id BIGINT      NOT NULL,
  PRIMARY KEY (term, post_id),
  CONSTRAINT fk_post_search_terms_post FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE
);
CREATE INDEX ix_post_search_terms_post ON post_search_terms (post_id);

-- Usernames (whole and split at '_'), first and last names, and their beginnings from 3
-- characters on (SearchText.nameKeys), of the accounts search may show (search_visibility on).
-- followers is a copy of users.follower_count, written with it: a key's matches come in
-- search_people's order from ix_user_search_terms_rank, and a page stops at its last row.
CREATE TABLE user_search_terms (
  term      VARCHAR(64) NOT NULL,
  user_id   BIGINT      NOT NULL,
  followers INT         NOT NULL DEFAULT 0,
  PRIMARY KEY (term, user_id),
  CONSTRAINT fk_user_search_terms_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_search_terms_user ON user_search_terms (user_id);
CREATE INDEX ix_user_search_terms_rank ON user_search_terms (term, followers, user_id);

-- The tag folded (SearchText.fold), for prefix search: #Café is found by "cafe".
ALTER TABLE hashtags ADD COLUMN search_key VARCHAR(200) NOT NULL DEFAULT '';
CREATE INDEX ix_hashtags_search ON hashtags (search_key, posts);
