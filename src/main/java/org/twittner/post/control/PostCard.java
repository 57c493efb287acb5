package org.twittner.post.control;

import java.util.List;

/**
 * The Post object (contract README §2.4) every endpoint that lists posts sends, built only by
 * {@link PostCards}. Counters and {@code time_raw} are strings and ids numbers, as the apps parse
 * them; {@code og_data} is "" or an object, {@code reply_to} [] or an object. Null components are
 * left out: {@code poll} outside polls, {@code reposter} outside repost entries, {@code replys}
 * outside thread lists.
 */
public record PostCard(
        long id,
        long userId,
        String text,
        String type,
        String replysCount,
        String repostsCount,
        String likesCount,
        String status,
        long threadId,
        String target,
        Object ogData,
        String time,
        String timeRaw,
        long offsetId,
        boolean isRepost,
        boolean isReposter,
        String attrs,
        boolean advertising,
        String ogText,
        String ogImage,
        String url,
        boolean canDelete,
        List<MediaItem> media,
        boolean isOwner,
        boolean hasLiked,
        boolean hasSaved,
        boolean hasReposted,
        boolean isPinned,
        boolean canSee,
        String privWcr,
        Object replyTo,
        Owner owner,
        Poll poll,
        Reposter reposter,
        List<PostCard> replys) {

    /** The post's author (contract: Owner object). */
    public record Owner(long id, String url, String avatar, String username, String name, String verified) {
    }

    /** The author of the post a reply answers (contract: ReplyTo object). */
    public record ReplyTo(long id, String url, String avatar, String username, String name, String gender,
            boolean isOwner, String threadUrl) {
    }

    /**
     * An attachment: {@code src} is site-relative for uploads and the URL for GIFs; {@code x} is
     * {@code json_data} decoded ({"image_thumb"} or {"poster_thumb"}, [] for GIFs).
     */
    public record MediaItem(long id, long pubId, String type, String src, String jsonData, String time, Object x) {
    }

    /** A poll's results for the viewer (contract README §2.11); has_voted is 0 or 1. */
    public record Poll(int hasVoted, int total, List<PollOption> options) {
    }

    public record PollOption(String percentage, int total, String option) {
    }

    /** Who reposted the post, on a repost entry of a feed or profile (the Flutter app shows it). */
    public record Reposter(String name, String username, String url) {
    }

    /** The same card as a list item with another cursor, or with its first replies. */
    PostCard with(long newOffsetId, boolean repost, boolean isReposter, Reposter by, List<PostCard> firstReplys) {
        return new PostCard(id, userId, text, type, replysCount, repostsCount, likesCount, status, threadId, target,
                ogData, time, timeRaw, newOffsetId, repost, isReposter, attrs, advertising, ogText, ogImage, url,
                canDelete, media, isOwner, hasLiked, hasSaved, hasReposted, isPinned, canSee, privWcr, replyTo,
                owner, poll, by, firstReplys);
    }

    /**
     * Identity, not the record's field-by-field equality: JSON-B keeps every object it writes in
     * a hash set (to catch cycles), and a record's hash walks its 35 fields, nested records and
     * replies again at every level (5 % of a JFR profile's samples of search_posts). Nothing
     * compares cards by value.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
