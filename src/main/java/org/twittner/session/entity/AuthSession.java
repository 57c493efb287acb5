package org.twittner.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One signed-in device. The access token ({@code session_id}) and the refresh token are stored
 * only as SHA-256 hashes; the refresh token rotates on every use.
 */
@Entity
@Table(name = "sessions")
@NamedQuery(name = AuthSession.BY_REFRESH,
        query = "select s from AuthSession s where s.refreshHash = :hash")
@NamedQuery(name = AuthSession.DELETE_EXPIRED,
        query = "delete from AuthSession s where s.refreshExpiresAt < :now")
public class AuthSession {

    public static final String BY_REFRESH = "AuthSession.byRefresh";
    public static final String DELETE_EXPIRED = "AuthSession.deleteExpired";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id")
    private long userId;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "refresh_hash")
    private String refreshHash;

    private String platform;

    @Column(name = "created_at")
    private long createdAt;

    @Column(name = "expires_at")
    private long expiresAt;

    @Column(name = "refresh_expires_at")
    private long refreshExpiresAt;

    protected AuthSession() {
    }

    public AuthSession(long userId, String platform, long now) {
        this.userId = userId;
        this.platform = platform;
        this.createdAt = now;
    }

    /** Sets new token hashes and expiry times: the previous tokens stop working. */
    public void rotate(String tokenHash, String refreshHash, long expiresAt, long refreshExpiresAt) {
        this.tokenHash = tokenHash;
        this.refreshHash = refreshHash;
        this.expiresAt = expiresAt;
        this.refreshExpiresAt = refreshExpiresAt;
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getPlatform() {
        return platform;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public long getRefreshExpiresAt() {
        return refreshExpiresAt;
    }
}
