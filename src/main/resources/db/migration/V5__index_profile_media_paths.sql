-- The media sweep asks whether a committed row names a file (profile.control.ProfileMediaReferences):
-- without these, each question scanned every user. Post media paths are indexed in V4.
CREATE INDEX ix_users_avatar ON users (avatar);
CREATE INDEX ix_users_cover ON users (cover);
CREATE INDEX ix_users_cover_orig ON users (cover_orig);
