package org.twittner.notification.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.twittner.media.control.MediaUrls;
import org.twittner.platform.Clock;
import org.twittner.platform.Page;
import org.twittner.platform.RelativeTime;
import org.twittner.platform.SqlLists;
import org.twittner.platform.TwittnerConfig;
import org.twittner.social.control.Visibility;

/**
 * get_notifications and delete_notifs. A page is one statement (the notifier joined), newest
 * first by id; reading it marks its unread items read (one UPDATE). Left out in the query: what
 * was taken back, anything between the recipient and someone either of them blocked, and
 * notifications about posts that no longer exist.
 */
@Stateless
public class NotificationLists {

    public static final String MENTIONS = "mentions";
    public static final String NOTIFS = "notifs";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MediaUrls urls;

    @Inject
    TwittnerConfig config;

    public List<NotificationItem> page(long recipientId, String type, Page page) {
        String which = MENTIONS.equals(type) ? "n.subject = 'mention'" : "n.subject <> 'mention'";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT n.id, n.notifier_id, n.is_read, n.subject, n.entry_id, n.created_at,"
                        + " u.username, u.first_name, u.last_name, u.avatar, u.verified"
                        + " FROM notifications n JOIN users u ON u.id = n.notifier_id"
                        + " WHERE n.recipient_id = ?1 AND n.id < ?2 AND n.withdrawn = 0 AND " + which
                        + " AND " + Visibility.notBlocked("n.notifier_id", "?1")
                        + " AND (n.subject NOT IN (" + Subject.postSubjectsSql() + ")"
                        + " OR EXISTS (SELECT 1 FROM posts p WHERE p.id = n.entry_id))"
                        + " ORDER BY n.id DESC")
                .setParameter(1, recipientId).setParameter(2, page.before()).setMaxResults(page.size()).getResultList();
        long now = clock.unixSeconds();
        String site = config.publicUrl();
        List<NotificationItem> items = new ArrayList<>(rows.size());
        List<Long> unread = new ArrayList<>();
        for (Object[] r : rows) {
            long id = number(r[0]);
            long notifier = number(r[1]);
            boolean read = number(r[2]) != 0;
            String subject = (String) r[3];
            long entry = number(r[4]);
            boolean aboutPost = Subject.isAboutPost(subject);
            String username = (String) r[6];
            items.add(new NotificationItem(id, notifier, recipientId, read ? "1" : "0", subject, entry, "[]",
                    RelativeTime.ago(number(r[5]), now), username, urls.avatarUrl((String) r[9]),
                    Long.toString(number(r[10])), ((String) r[7] + " " + r[8]).strip(),
                    aboutPost ? site + "/thread/" + entry : site + "/@" + username, notifier, aboutPost ? entry : 0));
            if (!read) {
                unread.add(id);
            }
        }
        markRead(recipientId, unread);
        return items;
    }

    /** Deletes those of {@code ids} that are the caller's; others' ids are passed over. */
    public void delete(long recipientId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        var delete = em.createNativeQuery("DELETE FROM notifications WHERE recipient_id = ?1 AND id IN ("
                + SqlLists.placeholders(ids.size(), 2) + ")").setParameter(1, recipientId);
        int i = 2;
        for (long id : ids) {
            delete.setParameter(i++, id);
        }
        delete.executeUpdate();
    }

    private void markRead(long recipientId, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        var update = em.createNativeQuery("UPDATE notifications SET is_read = 1 WHERE recipient_id = ?1 AND id IN ("
                + SqlLists.placeholders(ids.size(), 2) + ")").setParameter(1, recipientId);
        for (int i = 0; i < ids.size(); i++) {
            update.setParameter(i + 2, ids.get(i));
        }
        update.executeUpdate();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
