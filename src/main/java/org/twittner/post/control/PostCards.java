package org.twittner.post.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.twittner.media.control.MediaUrls;
import org.twittner.platform.Clock;
import org.twittner.platform.JsonParts;
import org.twittner.platform.PlainStatements;
import org.twittner.platform.RelativeTime;
import org.twittner.platform.TwittnerConfig;
import org.twittner.post.entity.PostType;
import org.twittner.social.control.Visibility;

/**
 * Builds the Post objects of a page in a fixed number of queries, whatever its length: posts
 * with their authors and the authors they reply to (1; or the caller's own statement that finds
 * the posts, {@link #topLevel}), media, mentioned users, poll options and the viewer's flags (1,
 * none for a guest's page of posts without any), who reposted (1, when it has reposts), and for
 * thread lists the first replies of every item (1, then the same again for those replies). The
 * one place where a post becomes JSON.
 */
// reads only, no state: a CDI bean, not an EJB (see docs/architecture.md, "Read-only beans")
@ApplicationScoped
public class PostCards {

    /** What {@code og_image} is without a picture: the reference's site logo, a relative path. */
    static final String SITE_LOGO = "statics/img/logo.png";

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaUrls urls;

    @Inject
    TwittnerConfig config;

    @Inject
    Clock clock;

    @Inject
    Instance<ViewerFlags> flagsImplementations;

    /** Resolved once: an {@code Instance.get()} per page was 3.1 % of search_posts' CPU samples (async-profiler). */
    private ViewerFlags flags;

    @PostConstruct
    void resolveFlags() {
        flags = flagsImplementations.isResolvable() ? flagsImplementations.get() : null;
    }

    /** One post's card (the post id is its cursor), or null when it is gone. */
    public PostCard one(long viewerId, long postId) {
        return one(viewerId, postId, clock.unixSeconds());
    }

    /**
     * One post's card with its time told as of {@code now}: publish_post passes the moment it
     * stored, so that its answer says "just now" even when the second turns meanwhile.
     */
    public PostCard one(long viewerId, long postId, long now) {
        return build(viewerId, List.of(postId), now).get(postId);
    }

    /** The cards of a page, in its order; entries whose post is gone meanwhile are left out. */
    public List<PostCard> of(long viewerId, List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = entries.stream().map(TimelineEntry::postId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, PostCard> cards = build(viewerId, ids, clock.unixSeconds());
        Map<Long, PostCard.Reposter> reposters = reposters(entries);
        List<PostCard> page = new ArrayList<>(entries.size());
        for (TimelineEntry entry : entries) {
            PostCard card = cards.get(entry.postId());
            if (card != null) {
                boolean repost = entry.reposterId() != 0;
                page.add(card.with(entry.offsetId(), repost, repost && entry.reposterId() == viewerId,
                        reposters.get(entry.reposterId()), null));
            }
        }
        return page;
    }

    /** Who reposted the page's repost entries (one query, none on a page without reposts). */
    private Map<Long, PostCard.Reposter> reposters(List<TimelineEntry> entries) {
        Set<Long> ids = entries.stream().map(TimelineEntry::reposterId).filter(id -> id != 0).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlainStatements.query(em, "SELECT id, username, first_name, last_name FROM users WHERE id IN ("
                + idList(ids) + ")").getResultList();
        String site = config.publicUrl();
        Map<Long, PostCard.Reposter> reposters = new HashMap<>();
        for (Object[] row : rows) {
            reposters.put(number(row[0]), new PostCard.Reposter(name(row[2], row[3]), "@" + row[1], site + "/@" + row[1]));
        }
        return reposters;
    }

    /** Thread lists: each card with its {@code perPost} newest replies the viewer may see, in {@code replys}. */
    public List<PostCard> withReplys(long viewerId, List<TimelineEntry> entries, int perPost) {
        List<PostCard> page = of(viewerId, entries);
        if (page.isEmpty()) {
            return page;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlainStatements.query(em, "SELECT id, thread_id FROM (SELECT p.id, p.thread_id,"
                        + " ROW_NUMBER() OVER (PARTITION BY p.thread_id ORDER BY p.id DESC) AS n"
                        + " FROM posts p JOIN users a ON a.id = p.user_id"
                        + " WHERE p.thread_id IN (" + idList(page.stream().map(PostCard::id).toList()) + ")"
                        + " AND " + Visibility.authorVisible("a", viewerId) + ") r"
                        + " WHERE n <= " + perPost + " ORDER BY id DESC")
                .getResultList();
        List<TimelineEntry> replyEntries = rows.stream().map(row -> TimelineEntry.ofPost(number(row[0]))).toList();
        Map<Long, List<PostCard>> replys = new HashMap<>();
        for (PostCard reply : of(viewerId, replyEntries)) {
            replys.computeIfAbsent(reply.threadId(), k -> new ArrayList<>()).add(reply);
        }
        return page.stream()
                .map(card -> card.with(card.offsetId(), card.isRepost(), card.isReposter(), card.reposter(),
                        replys.getOrDefault(card.id(), List.of())))
                .toList();
    }

    private Map<Long, PostCard> build(long viewerId, Collection<Long> ids, long now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlainStatements.query(em, "SELECT " + CARD_COLUMNS + " FROM posts p JOIN users a ON a.id = p.user_id"
                + replyToJoins(viewerId) + " WHERE p.id IN (" + idList(ids) + ")").getResultList();
        return cards(viewerId, rows, now);
    }

    /**
     * The cards of the top-level posts a caller's own statement finds, in its order: the
     * statement that finds them reads their cards too (search_posts: one statement instead of a
     * walk for ids and another for their cards, which read the same posts and authors again).
     * Their {@code reply_to} is [] whatever the statement finds: it must find no replies.
     */
    public List<PostCard> topLevel(long viewerId, CardQuery query) {
        var select = em.createNativeQuery("SELECT " + TOP_LEVEL_CARD_COLUMNS + " FROM " + query.from()
                + " WHERE " + query.where() + " ORDER BY " + query.orderBy() + " LIMIT " + query.limit());
        for (int i = 0; i < query.parameters().size(); i++) {
            select.setParameter(i + 1, query.parameters().get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = select.getResultList();
        return List.copyOf(cards(viewerId, rows, clock.unixSeconds()).values());
    }

    /** A post's card: the post (p) and its author (a), then the replied-to author (pa, see {@link #replyToJoins}). */
    private static final String CARD_COLUMNS = "p.id, p.user_id, p.thread_id, p.type, p.text, p.og_data,"
            + " p.reply_privacy, p.replys_count, p.reposts_count, p.likes_count, p.created_at,"
            + " a.username, a.first_name, a.last_name, a.avatar, a.verified, a.pinned_post_id,"
            + " pa.id, pa.username, pa.first_name, pa.last_name, pa.avatar, pa.gender";

    /** {@link #CARD_COLUMNS} of posts that reply to nobody (no replied-to author to look up). */
    private static final String TOP_LEVEL_CARD_COLUMNS = CARD_COLUMNS.substring(0, CARD_COLUMNS.indexOf(" pa.id"))
            + " NULL, NULL, NULL, NULL, NULL, NULL";

    /** The replied-to author, only when the viewer may see them (else reply_to is []). */
    private static String replyToJoins(long viewerId) {
        return " LEFT JOIN posts pp ON pp.id = p.thread_id"
                + " LEFT JOIN users pa ON pa.id = pp.user_id AND " + Visibility.authorVisible("pa", viewerId);
    }

    /** The cards of rows in {@link #CARD_COLUMNS}' shape, in the rows' order. */
    private Map<Long, PostCard> cards(long viewerId, List<Object[]> rows, long now) {
        Attachments attached = attachments(rows, viewerId);
        Map<Long, List<PostCard.MediaItem>> media = attached.media();
        Map<Long, Set<String>> mentioned = attached.mentioned();
        Map<Long, List<Object[]>> options = attached.pollOptions();
        ViewerFlags.Flags done = attached.flags();
        String site = config.publicUrl();
        Map<Long, PostCard> cards = new LinkedHashMap<>();
        for (Object[] row : rows) {
            long id = number(row[0]);
            long authorId = number(row[1]);
            long threadId = number(row[2]);
            String type = (String) row[3];
            String text = (String) row[4];
            long createdAt = number(row[10]);
            List<PostCard.MediaItem> items = media.getOrDefault(id, List.of());
            PostCard.Owner owner = new PostCard.Owner(authorId, site + "/@" + row[11], urls.avatarUrl((String) row[14]),
                    "@" + row[11], name(row[12], row[13]), String.valueOf(number(row[15])));
            Object replyTo = List.of();
            if (threadId != 0 && row[17] != null) {
                long parentAuthor = number(row[17]);
                replyTo = new PostCard.ReplyTo(parentAuthor, site + "/@" + row[18], urls.avatarUrl((String) row[21]),
                        "@" + row[18], name(row[19], row[20]), (String) row[22], parentAuthor == viewerId,
                        site + "/thread/" + threadId);
            }
            PostCard.Poll poll = PostType.POLL.wire().equals(type)
                    ? poll(options.getOrDefault(id, List.of()), done.votes().get(id)) : null;
            boolean own = authorId == viewerId;
            cards.put(id, new PostCard(id, authorId,
                    PostText.html(text, mentioned.getOrDefault(id, Set.of()), site),
                    type, counter(row[7]), counter(row[8]), counter(row[9]), "active", threadId,
                    threadId == 0 ? "publication" : "pub_reply", ogData((String) row[5]),
                    RelativeTime.ago(createdAt, now), Long.toString(createdAt), id, false, false, "", false,
                    PostText.ogText(text), ogImage(items), site + "/thread/" + id, own, items, own,
                    done.liked().contains(id), done.saved().contains(id), done.reposted().contains(id),
                    row[16] != null && number(row[16]) == id, true, (String) row[6], replyTo, owner, poll, null, null));
        }
        return cards;
    }

    /** A page's media, mentioned usernames, poll options and the viewer's flags. */
    private record Attachments(Map<Long, List<PostCard.MediaItem>> media, Map<Long, Set<String>> mentioned,
            Map<Long, List<Object[]>> pollOptions, ViewerFlags.Flags flags) {
    }

    /**
     * Media, mentions, poll options and the viewer's flags of a page in one statement (four
     * before): each statement costs MariaDB more than these few index reads. Rows are (kind,
     * post id, number, text, text, text, number): a poll option's are (3, post id, position, "",
     * text, "", votes), in position order; kinds from {@link ViewerFlags#FIRST_KIND} up are the flags'.
     * Each part reads only the posts that can have its rows (a post's type never changes: media
     * only for media posts, options and votes only for polls, mentions only where the text has
     * an "@"): on a page of twenty text posts that is 60 index reads fewer.
     */
    private Attachments attachments(List<Object[]> cardRows, long viewerId) {
        boolean withFlags = viewerId != 0 && flags != null;
        List<Long> all = new ArrayList<>();
        List<Long> withMedia = new ArrayList<>();
        List<Long> polls = new ArrayList<>();
        List<Long> withMentions = new ArrayList<>();
        for (Object[] row : cardRows) {
            long id = number(row[0]);
            PostType type = PostType.ofWire((String) row[3]);
            all.add(id);
            if (type.hasMedia()) {
                withMedia.add(id);
            } else if (type == PostType.POLL) {
                polls.add(id);
            }
            if (((String) row[4]).indexOf('@') >= 0) {
                withMentions.add(id);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!withMedia.isEmpty()) {
            parts.add("SELECT 1, post_id, id, type, src, thumb, created_at FROM post_media WHERE post_id IN ("
                    + idList(withMedia) + ")");
        }
        if (!withMentions.isEmpty()) {
            parts.add("SELECT 2, m.post_id, 0, '', u.username_key, '', 0 FROM post_mentions m"
                    + " JOIN users u ON u.id = m.user_id WHERE m.post_id IN (" + idList(withMentions) + ")");
        }
        if (!polls.isEmpty()) {
            parts.add("SELECT 3, post_id, position, '', text, '', votes FROM poll_options WHERE post_id IN ("
                    + idList(polls) + ")");
        }
        if (withFlags && !all.isEmpty()) {
            parts.add(flags.select(viewerId, idList(all), polls.isEmpty() ? "" : idList(polls)));
        }
        if (parts.isEmpty()) {
            return new Attachments(Map.of(), Map.of(), Map.of(), ViewerFlags.Flags.NONE);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlainStatements.query(em, String.join(" UNION ALL ", parts) + " ORDER BY 1, 2, 3")
                .getResultList();
        Map<Long, List<PostCard.MediaItem>> media = new HashMap<>();
        Map<Long, Set<String>> names = new HashMap<>();
        Map<Long, List<Object[]>> options = new HashMap<>();
        List<Object[]> flagRows = new ArrayList<>();
        for (Object[] row : rows) {
            long postId = number(row[1]);
            switch ((int) number(row[0])) {
                case 1 -> media.computeIfAbsent(postId, k -> new ArrayList<>()).add(mediaItem(postId, row));
                case 2 -> names.computeIfAbsent(postId, k -> new HashSet<>()).add((String) row[4]);
                case 3 -> options.computeIfAbsent(postId, k -> new ArrayList<>()).add(row);
                default -> flagRows.add(row);
            }
        }
        return new Attachments(media, names, options, withFlags ? flags.read(flagRows) : ViewerFlags.Flags.NONE);
    }

    private static PostCard.MediaItem mediaItem(long postId, Object[] row) {
        String type = (String) row[3];
        String thumb = (String) row[5];
        Map<String, String> x = new LinkedHashMap<>();
        if (!thumb.isEmpty()) {
            x.put("video".equals(type) ? "poster_thumb" : "image_thumb", thumb);
        }
        return new PostCard.MediaItem(number(row[2]), postId, type, (String) row[4],
                x.isEmpty() ? "[]" : jsonObject(x), Long.toString(number(row[6])), x.isEmpty() ? List.of() : x);
    }

    /** {@code options}: the poll's rows of {@link #attachments}, in position order. */
    private static PostCard.Poll poll(List<Object[]> options, Integer votedFor) {
        int total = options.stream().mapToInt(row -> (int) number(row[6])).sum();
        List<PostCard.PollOption> results = new ArrayList<>();
        for (Object[] row : options) {
            int votes = (int) number(row[6]);
            results.add(new PostCard.PollOption(
                    Long.toString(total == 0 ? 0 : Math.round(100.0 * votes / total)), votes, (String) row[4]));
        }
        return new PostCard.Poll(votedFor == null ? 0 : 1, total, results);
    }

    private String ogImage(List<PostCard.MediaItem> items) {
        for (PostCard.MediaItem item : items) {
            if ("image".equals(item.type())) {
                return urls.url(item.src());
            }
            if ("video".equals(item.type()) && item.x() instanceof Map<?, ?> x && x.get("poster_thumb") != null) {
                return urls.url((String) x.get("poster_thumb"));
            }
        }
        return SITE_LOGO;
    }

    /** The stored link preview as an object of strings, or "" when there is none. */
    static Object ogData(String stored) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        try (JsonReader reader = JsonParts.reader(new StringReader(stored))) {
            JsonObject object = reader.readObject();
            Map<String, String> preview = new LinkedHashMap<>();
            object.forEach((key, value) -> preview.put(key,
                    value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString()));
            return preview;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    static String jsonObject(Map<String, String> fields) {
        var builder = JsonParts.object();
        fields.forEach(builder::add);
        return builder.build().toString();
    }

    /** Ids written into SQL: numbers from the database or from typed readers, never text. */
    static String idList(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String name(Object first, Object last) {
        return (first + " " + last).strip();
    }

    private static String counter(Object value) {
        return Long.toString(Math.max(0, number(value)));
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
