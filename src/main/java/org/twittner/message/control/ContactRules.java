package org.twittner.message.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.twittner.platform.ApiException;
import org.twittner.social.control.Blocks;

/**
 * Who may write to whom (the reference's cl_can_direct_message): nobody to themselves or to an
 * account that is not active; nobody across a block, either way; and each side's
 * contact_privacy: "followed" means "only people I follow may write to me", so both sides'
 * settings must be met.
 */
final class ContactRules {

    static final String BAD_USER = "Interlocutor ID is missing or invalid";
    static final String BLOCKED = "Your account has been blocked by this account";
    static final String NOT_ALLOWED = "You do not have permission direct messages to this chat";

    private ContactRules() {
    }

    /** The other person of a conversation exists, is active and is not the caller; else the documented 400. */
    static void requireInterlocutor(EntityManager em, long callerId, long otherId) {
        if (otherId == callerId || em.createNativeQuery("SELECT id FROM users WHERE id = ?1 AND status = 1")
                .setParameter(1, otherId).getResultList().isEmpty()) {
            throw new ApiException(400, BAD_USER);
        }
    }

    /** Refuses with the documented 400 unless {@code senderId} may write to {@code recipientId}. */
    static void requireMayWrite(EntityManager em, long senderId, long recipientId) {
        requireInterlocutor(em, senderId, recipientId);
        if (Blocks.between(em, senderId, recipientId)) {
            throw new ApiException(400, BLOCKED);
        }
        if (followedOnly(em, recipientId) && !follows(em, recipientId, senderId)
                || followedOnly(em, senderId) && !follows(em, senderId, recipientId)) {
            throw new ApiException(400, NOT_ALLOWED);
        }
    }

    private static boolean followedOnly(EntityManager em, long userId) {
        return "followed".equals(em.createNativeQuery("SELECT contact_privacy FROM users WHERE id = ?1")
                .setParameter(1, userId).getSingleResult());
    }

    private static boolean follows(EntityManager em, long follower, long followed) {
        List<?> rows = em.createNativeQuery("SELECT id FROM follows WHERE follower_id = ?1 AND following_id = ?2"
                        + " AND status = 'active'")
                .setParameter(1, follower).setParameter(2, followed).getResultList();
        return !rows.isEmpty();
    }
}
