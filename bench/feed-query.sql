-- The feed queries of feed.control.Timelines, which bench/feed.sh EXPLAINs for the heavy and the
-- typical user, with the repost conditions (the community has reposts; its users are all public,
-- so the few-followed plan's list of followed private authors is the viewer alone) and without
-- the block lists (it has no blocks). Placeholders, replaced textually: :viewer_id, :few (the viewer and the
-- followed accounts with at most a page of entries), :prolific (one "part" per other followed
-- account, :author), :offset_id (9223372036854775807 for the first page), :page_size.
-- plan: few-followed (at most 500 followed accounts): each author's newest entries by (user_id, id), at most a page each
SELECT id, post_id, user_id, kind FROM ((SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t WHERE t.id < :offset_id AND (t.kind = 'post' OR t.author_public = 1 OR t.author_id IN (:viewer_id)) AND t.user_id IN (:few) ORDER BY t.id DESC LIMIT :page_size) :prolific) x ORDER BY id DESC LIMIT :page_size
-- part: prolific
 UNION ALL (SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t WHERE t.id < :offset_id AND (t.kind = 'post' OR t.author_public = 1 OR t.author_id IN (:viewer_id)) AND t.user_id = :author ORDER BY t.id DESC LIMIT :page_size)
-- plan: many-followed (more than 500): the newest 20,000 entry ids of everyone, kept when the author is followed (:newest = min(offset - 1, MAX(id)))
SELECT t.id, t.post_id, t.user_id, t.kind FROM timeline t WHERE t.id <= :newest AND t.id > :newest - 20000 AND (t.user_id = :viewer_id OR (SELECT COUNT(*) FROM follows f WHERE f.follower_id = :viewer_id AND f.following_id = t.user_id AND f.status = 'active') > 0) AND (t.kind = 'post' OR t.author_public = 1 OR (t.author_id = :viewer_id OR (SELECT COUNT(*) FROM follows f WHERE f.follower_id = :viewer_id AND f.following_id = t.author_id AND f.status = 'active') > 0)) ORDER BY t.id DESC LIMIT :page_size
