package org.twittner.notification.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.twittner.notification.control.NotificationItem;
import org.twittner.notification.control.NotificationLists;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Envelope;
import org.twittner.platform.NumberText;
import org.twittner.platform.PageRules;

/** get_notifications, delete_notifs. */
@ApplicationScoped
@Path("/")
public class NotificationResource {

    static final PageRules NOTIFICATIONS = new PageRules(15, 50, 404, "No data found");
    static final String BAD_TYPE = "The type of notification is missing or invalid. Please check your details";
    static final String BAD_IDS = "Notification IDs are missing or invalid";
    /** More ids than any screen of notifications shows; a longer list is refused, not cut. */
    static final int MAX_IDS = 500;

    @Inject
    ApiRequest call;

    @Inject
    NotificationLists notifications;

    @POST
    @Path("get_notifications")
    public Envelope getNotifications() {
        Caller caller = call.requireCaller();
        String type = call.params().get("type");
        type = type == null ? "" : type.strip();
        if (!type.equals(NotificationLists.NOTIFS) && !type.equals(NotificationLists.MENTIONS)) {
            throw new ApiException(400, BAD_TYPE);
        }
        List<NotificationItem> items = notifications.page(caller.userId(), type, call.params().page(NOTIFICATIONS));
        if (items.isEmpty()) {
            throw NOTIFICATIONS.empty();
        }
        return Envelope.ok("Fetched successfully", items);
    }

    @POST
    @Path("delete_notifs")
    public Envelope deleteNotifs() {
        Caller caller = call.requireCaller();
        notifications.delete(caller.userId(), ids(call.params().values("scope")));
        return Envelope.ok("Notifications deleted successfully", null);
    }

    /**
     * The ids of {@code scope}: a JSON array in one field ("[1,2]", as the Java app sends it) or
     * repeated fields ({@code scope=1&scope=2}, {@code scope[]=1}); at least one, every one a
     * positive id. One pass over fields whose size the form reader bounded.
     */
    static Set<Long> ids(List<String> fields) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String field : fields) {
            String list = field.strip();
            if (list.startsWith("[") && list.endsWith("]") && list.length() >= 2) {
                list = list.substring(1, list.length() - 1);
            }
            for (String item : list.split(",", -1)) {
                String digits = item.strip();
                if (digits.length() >= 2 && digits.startsWith("\"") && digits.endsWith("\"")) {
                    digits = digits.substring(1, digits.length() - 1);
                }
                long id = NumberText.positiveId(digits);
                if (id <= 0 || ids.size() >= MAX_IDS) {
                    throw new ApiException(400, BAD_IDS);
                }
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new ApiException(400, BAD_IDS);
        }
        return ids;
    }
}
