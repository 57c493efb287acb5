package org.twittner.social.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code userId} blocks {@code blockedId}. */
@Entity
@Table(name = "blocks")
public class Block {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "blocked_id")
    private long blockedId;

    @Column(name = "created_at")
    private long createdAt;

    protected Block() {
    }

    public Block(long userId, long blockedId, long now) {
        this.userId = userId;
        this.blockedId = blockedId;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }
}
