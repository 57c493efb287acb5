package org.twittner.swift.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.List;
import org.twittner.media.control.MediaCommits;
import org.twittner.platform.ApiException;
import org.twittner.platform.Clock;
import org.twittner.platform.FreeText;
import org.twittner.platform.TwittnerConfig;
import org.twittner.user.control.UserLocks;

/**
 * A user's draft and swifts: every change runs under the user's row lock, so that two phones
 * publishing at once cannot pass the limit of live swifts, and an upload racing a publish either
 * becomes the next draft or is published, never lost half-way. Files a change stops naming go
 * after its commit ({@link MediaCommits}).
 */
@Stateless
public class Swifts {

    public static final int MAX_LIVE = 20;
    public static final int MAX_TEXT = 200;
    public static final String LIMIT = "You can have at most " + MAX_LIVE + " live swifts; delete one or wait until one expires";
    public static final String NO_DRAFT = "There is no swift media to publish: upload it first";
    public static final String BAD_SWID = "Swift ID is missing or invalid";
    public static final String NOT_FOUND = "Swift not found";

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    UserLocks locks;

    @Inject
    MediaCommits files;

    @Inject
    Clock clock;

    @Inject
    TwittnerConfig config;

    /** Refuses early (before a file is processed) when the caller has no room for another swift. */
    public void checkRoom(long userId) {
        if (liveCount(userId) >= MAX_LIVE) {
            throw new ApiException(400, LIMIT);
        }
    }

    /** Makes processed files the caller's draft, replacing an earlier one. The files go if this fails. */
    public void saveDraft(long userId, String type, String src, String poster, int duration) {
        files.adding(List.of(src, poster).stream().filter(path -> !path.isEmpty()).toList());
        lockCaller(userId);
        dropDraft(userId);
        em.createNativeQuery("INSERT INTO swift_drafts (user_id, type, src, poster, duration, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, userId).setParameter(2, type).setParameter(3, src).setParameter(4, poster)
                .setParameter(5, duration).setParameter(6, clock.unixSeconds()).executeUpdate();
    }

    /** delete_swift_media: the draft and its files go; nothing to delete is fine. */
    public void deleteDraft(long userId) {
        lockCaller(userId);
        dropDraft(userId);
    }

    /** publish_swift: the draft becomes a swift that lives for the configured lifetime; returns its swid. */
    public String publish(long userId, String text) {
        lockCaller(userId);
        @SuppressWarnings("unchecked")
        List<Object[]> draft = em.createNativeQuery("SELECT type, src, poster, duration FROM swift_drafts WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        if (draft.isEmpty()) {
            throw new ApiException(400, NO_DRAFT);
        }
        checkRoom(userId);
        Object[] media = draft.get(0);
        long now = clock.unixSeconds();
        String swid = newSwid();
        em.createNativeQuery("INSERT INTO swifts (swid, user_id, type, src, poster, duration, text, created_at, expires_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, swid).setParameter(2, userId).setParameter(3, media[0]).setParameter(4, media[1])
                .setParameter(5, media[2]).setParameter(6, ((Number) media[3]).intValue())
                .setParameter(7, FreeText.clean(text, MAX_TEXT)).setParameter(8, now)
                .setParameter(9, now + config.swiftLifetimeSeconds()).executeUpdate();
        em.createNativeQuery("DELETE FROM swift_drafts WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        return swid;
    }

    /** delete_swift: only the caller's own swift (the owner is part of the query); its views go by the foreign key, its files after the commit. */
    public void delete(long userId, String swid) {
        lockCaller(userId);
        @SuppressWarnings("unchecked")
        List<Object[]> swift = em.createNativeQuery("SELECT id, src, poster FROM swifts WHERE swid = ?1 AND user_id = ?2 FOR UPDATE")
                .setParameter(1, swid).setParameter(2, userId).getResultList();
        if (swift.isEmpty()) {
            throw new ApiException(404, NOT_FOUND);
        }
        em.createNativeQuery("DELETE FROM swifts WHERE id = ?1").setParameter(1, swift.get(0)[0]).executeUpdate();
        files.removing(List.of((String) swift.get(0)[1], (String) swift.get(0)[2]));
    }

    /** A swid as the API sends them: 16 letters and digits; anything else is refused before a query. */
    public static String checkedSwid(String value) {
        String swid = value == null ? "" : value.strip();
        if (swid.length() != 16) {
            throw new ApiException(400, BAD_SWID);
        }
        for (int i = 0; i < swid.length(); i++) {
            if (ALPHABET.indexOf(swid.charAt(i)) < 0) {
                throw new ApiException(400, BAD_SWID);
            }
        }
        return swid;
    }

    private long liveCount(long userId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM swifts WHERE user_id = ?1 AND expires_at > ?2")
                .setParameter(1, userId).setParameter(2, clock.unixSeconds()).getSingleResult()).longValue();
    }

    private void lockCaller(long userId) {
        if (locks.lock(userId).isEmpty()) {
            throw ApiException.unauthorized();
        }
    }

    private void dropDraft(long userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> old = em.createNativeQuery("SELECT src, poster FROM swift_drafts WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        if (!old.isEmpty()) {
            em.createNativeQuery("DELETE FROM swift_drafts WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
            files.removing(List.of((String) old.get(0)[0], (String) old.get(0)[1]));
        }
    }

    private static String newSwid() {
        char[] swid = new char[16];
        for (int i = 0; i < swid.length; i++) {
            swid[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(swid);
    }
}
