package org.twittner.message.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.twittner.message.control.ChatRow;
import org.twittner.message.control.Conversations;
import org.twittner.message.control.MessageView;
import org.twittner.message.control.Messages;
import org.twittner.platform.ApiException;
import org.twittner.platform.ApiRequest;
import org.twittner.platform.Caller;
import org.twittner.platform.Deadlocks;
import org.twittner.platform.Envelope;
import org.twittner.platform.FreeText;
import org.twittner.platform.NumberText;
import org.twittner.platform.RequestParams;

/** get_chats, get_messages, search_messages, delete_message, clear_chat. */
@ApplicationScoped
@Path("/")
public class MessageResource {

    static final String NO_DATA = "No data found";
    static final int MESSAGES_PAGE = 20;
    static final int SEARCH_PAGE = 50;
    static final int MAX_PAGE = 100;

    @Inject
    ApiRequest call;

    @Inject
    Conversations conversations;

    @Inject
    Messages messages;

    @POST
    @Path("get_chats")
    public Envelope getChats() {
        Caller caller = call.requireCaller();
        List<ChatRow> chats = conversations.chats(caller.userId());
        if (chats.isEmpty()) {
            throw new ApiException(204, NO_DATA);
        }
        return Envelope.ok("Chats successfully", chats).with("valid", true);
    }

    @POST
    @Path("get_messages")
    public Envelope getMessages() {
        Caller caller = call.requireCaller();
        long other = call.params().positiveId("user_id", SendMessageServlet.BAD_USER);
        List<MessageView> page = Deadlocks.retry(() ->
                conversations.messages(caller.userId(), other, window(call.params(), MESSAGES_PAGE)));
        if (page.isEmpty()) {
            throw new ApiException(204, NO_DATA);
        }
        return Envelope.of(200, null, page).withoutMessage();
    }

    @POST
    @Path("search_messages")
    public Envelope searchMessages() {
        Caller caller = call.requireCaller();
        long other = call.params().positiveId("user_id", SendMessageServlet.BAD_USER);
        String query = FreeText.clean(call.params().get("query") == null ? "" : call.params().get("query"), 32);
        Conversations.Window window = window(call.params(), SEARCH_PAGE);
        Conversations.Found found = conversations.search(caller.userId(), other, query, window);
        if (found.messages().isEmpty()) {
            throw new ApiException(204, NO_DATA);
        }
        return Envelope.of(200, null, found.messages()).withoutMessage().with("total", found.total());
    }

    @POST
    @Path("delete_message")
    public Envelope deleteMessage() {
        Caller caller = call.requireCaller();
        long message = call.params().positiveId("message_id", Messages.BAD_MESSAGE);
        Deadlocks.retry(() -> messages.delete(caller.userId(), message));
        return Envelope.ok("Message deleted successfully", null);
    }

    @POST
    @Path("clear_chat")
    public Envelope clearChat() {
        Caller caller = call.requireCaller();
        long other = call.params().positiveId("user_id", SendMessageServlet.BAD_USER);
        boolean deleteChat = NumberText.leniently(call.params().get("delete_chat")) == 1;
        Deadlocks.retry(() -> messages.clear(caller.userId(), other, deleteChat));
        return Envelope.ok("Chat deleted successfully", null);
    }

    /** offset_up (older than), offset_down (newer than; offset_up wins when both are sent), page_size. */
    static Conversations.Window window(RequestParams params, int defaultSize) {
        long up = Math.max(0, NumberText.leniently(params.get("offset_up")));
        long down = Math.max(0, NumberText.leniently(params.get("offset_down")));
        long size = NumberText.leniently(params.get("page_size"));
        return new Conversations.Window(up, down, size <= 0 ? defaultSize : (int) Math.min(size, MAX_PAGE));
    }
}
