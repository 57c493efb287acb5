package org.twittner.social.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code followerId} follows {@code followingId}; a pending row is a follow request. */
@Entity
@Table(name = "follows")
public class Follow {

    public static final String ACTIVE = "active";
    public static final String PENDING = "pending";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "follower_id")
    private long followerId;

    @Column(name = "following_id")
    private long followingId;

    private String status;

    @Column(name = "created_at")
    private long createdAt;

    protected Follow() {
    }

    public Follow(long followerId, long followingId, String status, long now) {
        this.followerId = followerId;
        this.followingId = followingId;
        this.status = status;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }
}
