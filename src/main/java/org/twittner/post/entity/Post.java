package org.twittner.post.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A post or a reply, as written. Counters are changed with single UPDATE statements
 * ({@code replys_count = replys_count + 1}) in the transaction that adds or removes the counted
 * rows, never through this entity, so concurrent writers lose nothing.
 */
@Entity
@Table(name = "posts")
public class Post {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "thread_id")
    private long threadId;

    private String type;

    private String text;

    @Column(name = "og_data")
    private String ogData;

    @Column(name = "reply_privacy")
    private String replyPrivacy;

    @Column(name = "created_at")
    private long createdAt;

    protected Post() {
    }

    public Post(long userId, long threadId, PostType type, String text, String ogData, ReplyPrivacy replyPrivacy,
            long createdAt) {
        this.userId = userId;
        this.threadId = threadId;
        this.type = type.wire();
        this.text = text;
        this.ogData = ogData;
        this.replyPrivacy = replyPrivacy.wire();
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }
}
