package org.twittner.message.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twittner.testing.Wire.Type.BOOLEAN;
import static org.twittner.testing.Wire.Type.NUMBER;
import static org.twittner.testing.Wire.Type.STRING;
import static org.twittner.testing.Wire.assertDone;
import static org.twittner.testing.Wire.assertEnvelope;
import static org.twittner.testing.Wire.assertEnvelopeWithoutMessage;
import static org.twittner.testing.Wire.assertError;
import static org.twittner.testing.Wire.assertShape;
import static org.twittner.testing.Wire.shape;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twittner.testing.ApiClient;
import org.twittner.testing.ApiClient.FilePart;
import org.twittner.testing.ApiClient.Reply;
import org.twittner.testing.Concurrently;
import org.twittner.testing.Fixtures;
import org.twittner.testing.TestAccounts;
import org.twittner.testing.TestAccounts.Account;
import org.twittner.testing.TestImages;
import org.twittner.testing.Wire;

/**
 * Direct messages over HTTP, as the apps call them: send_message (urlencoded and multipart, text
 * and image), get_chats, get_messages, search_messages, delete_message, clear_chat. Every
 * documented error, contact privacy and blocks, seen marks and paging, each side deleting its
 * own copy, and that a third user never reads, finds, deletes or clears someone else's messages.
 */
public interface MessageTests {

    ApiClient api();

    /** A message (contract README §2; clients.md), with media_name and media_raw on every one. */
    Map<String, Wire.Type> MESSAGE = shape(
            "id", NUMBER, "sent_by", NUMBER, "sent_to", NUMBER, "owner", BOOLEAN, "message", STRING, "media_file", STRING,
            "media_type", STRING, "seen", STRING, "deleted_fs1", STRING, "deleted_fs2", STRING, "time", STRING,
            "side", STRING, "media_name", STRING, "media_raw", STRING);
    Map<String, Wire.Type> CHAT = shape(
            "user_id", NUMBER, "username", STRING, "name", STRING, "avatar", STRING, "verified", STRING, "chat_id", NUMBER,
            "time", STRING, "last_message", STRING, "new_messages", STRING, "chat_url", STRING);
    String BAD_USER = "Interlocutor ID is missing or invalid";
    String NOT_ALLOWED = "You do not have permission direct messages to this chat";
    String BLOCKED = "Your account has been blocked by this account";
    String BAD_TYPE = "The media type of the message is invalid or missing";
    String BAD_TEXT = "The message is missing or longer than 3000 characters";
    String BAD_IMAGE = "The image is missing or is not a JPEG, PNG or GIF picture";
    String NO_MESSAGE = "A message with this ID was not found. Please check your details!";

    @Test
    default void aTextMessageIsSentAndAnsweredAsTheDocumentedMessage() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        String text = "Hello 👋 " + "é".repeat(10);
        Reply sent = text(api, me, you, text);
        assertEnvelope(sent, 200, "Message sent");
        JsonObject message = sent.data();
        assertShape(message, MESSAGE);
        assertEquals(me.id(), message.getJsonNumber("sent_by").longValue());
        assertEquals(you.id(), message.getJsonNumber("sent_to").longValue());
        assertTrue(message.getBoolean("owner"));
        assertEquals(text, message.getString("message"));
        assertEquals("", message.getString("media_file"));
        assertEquals("none", message.getString("media_type"));
        assertEquals("0", message.getString("seen"));
        assertEquals("N", message.getString("deleted_fs1"));
        assertEquals("N", message.getString("deleted_fs2"));
        assertEquals("right", message.getString("side"));
        assertEquals("", message.getString("media_name"));
        assertTrue(message.getString("time").matches("\\d\\d [A-Z][a-z]{2}, \\d{4} \\d\\d:\\d\\d"), message.getString("time"));
        // multipart, as the Flutter app sends it, and 3,000 four-byte characters on both databases
        Reply multipart = api.postMultipart("send_message", Map.of("session_id", me.token(), "user_id", String.valueOf(you.id()),
                "type", "text", "message", "😀".repeat(3000)));
        assertEnvelope(multipart, 200, "Message sent");
        assertEquals("😀".repeat(3000), multipart.data().getString("message"));
    }

    @Test
    default void anImageMessageGoesThroughThePipelineAndItsFileIsStored() throws Exception {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        byte[] jpeg = TestImages.jpegWithExif(TestImages.quadrants(640, 480), 6, true);
        Reply sent = api.postMultipart("send_message", Map.of("session_id", me.token(), "user_id", String.valueOf(you.id()),
                "type", "media"), new FilePart("image", "photo.jpg", "image/jpeg", jpeg));
        assertEnvelope(sent, 200, "Message sent");
        JsonObject message = sent.data();
        assertShape(message, MESSAGE);
        assertEquals("Image", message.getString("message"));
        assertEquals("image", message.getString("media_type"));
        assertTrue(message.getString("media_name").startsWith("TWTNR-IMG-"), message.toString());
        String path = message.getString("media_raw");
        assertEquals("https://media.twittner.test/" + path, message.getString("media_file"));
        Path file = mediaFile(path);
        assertTrue(Files.exists(file), file.toString());
        byte[] stored = Files.readAllBytes(file);
        assertFalse(TestImages.hasExif(stored), "no metadata (GPS) left in a chat image");
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertEquals(480, image.getWidth(), "turned upright by its EXIF orientation");

        for (FilePart bad : List.of(new FilePart("image", "x.jpg", "image/jpeg", "not an image".getBytes()),
                new FilePart("image", "x.txt", "text/plain", jpeg), new FilePart("other", "x.jpg", "image/jpeg", jpeg))) {
            assertError(api.postMultipart("send_message", Map.of("session_id", me.token(), "user_id", String.valueOf(you.id()),
                    "type", "media"), bad), 400, BAD_IMAGE);
        }
        assertError(api.postForm("send_message", "session_id", me.token(), "user_id", String.valueOf(you.id()), "type", "media"),
                400, BAD_IMAGE);
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM messages WHERE sender_id = ?", me.id()), "nothing half-written");
    }

    @Test
    default void sendMessageRefusesEveryDocumentedCase() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        String to = String.valueOf(you.id());
        assertError(api.postForm("send_message", "user_id", to, "type", "text", "message", "hi"), 401, "Unauthorized Access");
        for (String user : new String[] {null, "", "0", "-1", "abc", "9".repeat(30), String.valueOf(me.id()), "999999999"}) {
            Reply reply = user == null
                    ? api.postForm("send_message", "session_id", me.token(), "type", "text", "message", "hi")
                    : api.postForm("send_message", "session_id", me.token(), "user_id", user, "type", "text", "message", "hi");
            assertError(reply, 400, BAD_USER);
        }
        for (String type : new String[] {"", "video", "TEXTS"}) {
            assertError(api.postForm("send_message", "session_id", me.token(), "user_id", to, "type", type, "message", "hi"),
                    400, BAD_TYPE);
        }
        assertError(api.postForm("send_message", "session_id", me.token(), "user_id", to, "message", "hi"), 400, BAD_TYPE);
        for (String text : new String[] {"", "   ", "x".repeat(3001), "😀".repeat(3001)}) {
            assertError(api.postForm("send_message", "session_id", me.token(), "user_id", to, "type", "text", "message", text),
                    400, BAD_TEXT);
        }
        assertError(api.postForm("send_message", "session_id", me.token(), "user_id", to, "type", "text"), 400, BAD_TEXT);
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM messages WHERE sender_id = ?", me.id()));
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM chats WHERE owner_id = ?", me.id()));
    }

    @Test
    default void contactPrivacyAndBlocksDecideWhoMayWrite() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account picky = TestAccounts.create(api);
        setContactPrivacy(api, picky, "followed");

        assertError(text(api, me, picky, "hi"), 400, NOT_ALLOWED);
        assertEquals(200, follow(api, me, picky).code()); // following them is not enough: they must follow me
        assertError(text(api, me, picky, "hi"), 400, NOT_ALLOWED);
        assertEquals(200, follow(api, picky, me).code());
        assertEnvelope(text(api, me, picky, "hi"), 200, "Message sent");
        assertEnvelope(text(api, picky, me, "hello"), 200, "Message sent");

        // my own "followed" setting: I may write only to people I follow
        Account stranger = TestAccounts.create(api);
        setContactPrivacy(api, me, "followed");
        assertError(text(api, me, stranger, "hi"), 400, NOT_ALLOWED);
        assertError(text(api, stranger, me, "hi"), 400, NOT_ALLOWED);
        setContactPrivacy(api, me, "everyone");
        assertEnvelope(text(api, stranger, me, "hi"), 200, "Message sent");

        // a block, either way
        assertDone(api.postForm("block_user", "session_id", stranger.token(), "user_id", String.valueOf(me.id())),
                "User profile blocked successfully");
        assertError(text(api, me, stranger, "hi"), 400, BLOCKED);
        assertError(text(api, stranger, me, "hi"), 400, BLOCKED);
        assertError(api.postMultipart("send_message", Map.of("session_id", me.token(), "user_id", String.valueOf(stranger.id()),
                "type", "media"), new FilePart("image", "a.png", "image/png", TestImages.encode(TestImages.quadrants(50, 50), "png"))),
                400, BLOCKED);
        assertError(messages(api, me, stranger), 400, BAD_USER);
        assertError(api.get("search_messages", "session_id", me.token(), "user_id", String.valueOf(stranger.id()), "query", "hi"),
                400, BAD_USER);
        assertFalse(chatsOf(api, me).stream().anyMatch(chat -> chat.getJsonNumber("user_id").longValue() == stranger.id()),
                "a blocked conversation leaves the list");
    }

    @Test
    default void chatsAndMessagesShowBothSidesUnreadCountsAndSeenMarks() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        Fixtures.sql(api, "UPDATE users SET first_name = ?, last_name = ? WHERE id = ?", "Yolanda", "You", you.id());
        assertError(api.get("get_chats", "session_id", me.token()), 204, "No data found");
        assertError(api.get("get_chats"), 401, "Unauthorized Access");
        assertError(messages(api, me, you), 204, "No data found");

        long m1 = text(api, you, me, "one").data().getJsonNumber("id").longValue();
        text(api, you, me, "two");
        text(api, me, you, "three");
        long m4 = text(api, you, me, "four").data().getJsonNumber("id").longValue();

        Reply chats = api.get("get_chats", "session_id", me.token());
        assertEnvelope(chats, 200, "Chats successfully", "valid");
        JsonObject chat = chats.json().getJsonArray("data").getJsonObject(0);
        assertShape(chat, CHAT);
        assertEquals(you.id(), chat.getJsonNumber("user_id").longValue());
        assertEquals(you.username(), chat.getString("username"));
        assertEquals("Yolanda You", chat.getString("name"));
        assertEquals("four", chat.getString("last_message"));
        assertEquals("3", chat.getString("new_messages"));
        assertTrue(chat.getString("chat_url").endsWith("/conversation/@" + you.username()), chat.toString());

        Reply read = messages(api, me, you);
        assertEnvelopeWithoutMessage(read, 200);
        List<JsonObject> page = read.json().getJsonArray("data").getValuesAs(JsonObject.class);
        page.forEach(message -> assertShape(message, MESSAGE));
        assertEquals(List.of("one", "two", "three", "four"), texts(page), "oldest first");
        assertEquals(List.of("left", "left", "right", "left"), page.stream().map(m -> m.getString("side")).toList());
        assertEquals(List.of(false, false, true, false), page.stream().map(m -> m.getBoolean("owner")).toList());
        assertEquals("", chatsOf(api, me).get(0).getString("new_messages"), "read now");
        // the sender sees the seen marks; my own message is unread by you
        List<JsonObject> yours = messages(api, you, me).json().getJsonArray("data").getValuesAs(JsonObject.class);
        assertNotEquals("0", yours.get(0).getString("seen"));
        assertEquals("0", page.get(2).getString("seen"), "my message was unread while you had not opened the chat");
        assertNotEquals("0", page(api, me, you).get(2).getString("seen"), "you opened it: my message is seen");

        // paging: the newest two, then the two before, then the newer ones since the first
        assertEquals(List.of("three", "four"), texts(page(api, me, you, "page_size", "2")));
        long three = page.get(2).getJsonNumber("id").longValue();
        assertEquals(List.of("one", "two"), texts(page(api, me, you, "page_size", "2", "offset_up", String.valueOf(three))));
        assertEquals(List.of("two", "three"), texts(page(api, me, you, "page_size", "2", "offset_down", String.valueOf(m1))));
        assertError(api.get("get_messages", "session_id", me.token(), "user_id", String.valueOf(you.id()),
                "offset_down", String.valueOf(m4)), 204, "No data found");
        for (String user : new String[] {"", "0", "x", String.valueOf(me.id()), "999999999"}) {
            assertError(api.get("get_messages", "session_id", me.token(), "user_id", user), 400, BAD_USER);
        }
    }

    @Test
    default void eachSideDeletesItsOwnCopyAndTheRowGoesWhenBothHave() throws Exception {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        Account third = TestAccounts.create(api);
        Reply image = api.postMultipart("send_message", Map.of("session_id", me.token(), "user_id", String.valueOf(you.id()),
                "type", "media"), new FilePart("image", "a.png", "image/png", TestImages.encode(TestImages.quadrants(80, 60), "png")));
        long id = image.data().getJsonNumber("id").longValue();
        Path file = mediaFile(image.data().getString("media_raw"));
        text(api, you, me, "kept");

        assertError(api.postForm("delete_message", "session_id", third.token(), "message_id", String.valueOf(id)), 400, NO_MESSAGE);
        assertError(api.postForm("delete_message", "message_id", String.valueOf(id)), 401, "Unauthorized Access");
        for (String bad : new String[] {"", "0", "abc", "-5"}) {
            assertError(api.postForm("delete_message", "session_id", me.token(), "message_id", bad), 400,
                    "Message ID is missing or invalid");
        }
        assertError(api.postForm("delete_message", "session_id", me.token(), "message_id", "999999999"), 400, NO_MESSAGE);

        assertDone(api.postForm("delete_message", "session_id", me.token(), "message_id", String.valueOf(id)),
                "Message deleted successfully");
        assertEquals(List.of("kept"), texts(messages(api, me, you).json().getJsonArray("data").getValuesAs(JsonObject.class)));
        List<JsonObject> theirs = messages(api, you, me).json().getJsonArray("data").getValuesAs(JsonObject.class);
        assertEquals(List.of("Image", "kept"), texts(theirs), "the other side still has it");
        assertEquals("Y", theirs.get(0).getString("deleted_fs1"));
        assertError(api.postForm("delete_message", "session_id", me.token(), "message_id", String.valueOf(id)), 400, NO_MESSAGE);
        assertTrue(Files.exists(file));

        assertDone(api.postForm("delete_message", "session_id", you.token(), "message_id", String.valueOf(id)),
                "Message deleted successfully");
        assertEquals(0, Fixtures.number(api, "SELECT COUNT(*) FROM messages WHERE id = ?", id), "both deleted: the row goes");
        for (int i = 0; i < 50 && Files.exists(file); i++) {
            Thread.sleep(100);
        }
        assertFalse(Files.exists(file), "and its image");
    }

    @Test
    default void clearChatEmptiesOnlyTheCallersSideAndCanTakeTheChatOffTheList() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        Account third = TestAccounts.create(api);
        text(api, me, you, "one");
        text(api, you, me, "two");
        text(api, third, me, "from a third");

        assertError(api.postForm("clear_chat", "user_id", String.valueOf(you.id())), 401, "Unauthorized Access");
        for (String bad : new String[] {"", "0", "x", String.valueOf(me.id()), "999999999"}) {
            assertError(api.postForm("clear_chat", "session_id", me.token(), "user_id", bad), 400, BAD_USER);
        }
        // a third user clearing "their chat with me" touches nothing of mine with you
        assertDone(api.postForm("clear_chat", "session_id", third.token(), "user_id", String.valueOf(you.id()), "delete_chat", "1"),
                "Chat deleted successfully");
        assertEquals(2, page(api, me, you).size());

        assertDone(api.postForm("clear_chat", "session_id", me.token(), "user_id", String.valueOf(you.id()), "delete_chat", "0"),
                "Chat deleted successfully");
        assertError(messages(api, me, you), 204, "No data found");
        assertEquals(List.of("one", "two"), texts(page(api, you, me)), "the other side keeps the conversation");
        JsonObject cleared = chatsOf(api, me).stream().filter(c -> c.getJsonNumber("user_id").longValue() == you.id())
                .findFirst().orElseThrow();
        assertEquals("", cleared.getString("last_message"), "cleared, still listed");

        assertDone(api.postForm("clear_chat", "session_id", me.token(), "user_id", String.valueOf(you.id()), "delete_chat", "1"),
                "Chat deleted successfully");
        assertEquals(List.of(third.id()), chatsOf(api, me).stream().map(c -> c.getJsonNumber("user_id").longValue()).toList());
        assertEquals(2, Fixtures.number(api, "SELECT COUNT(*) FROM messages WHERE low_id = ? AND high_id = ?",
                Math.min(me.id(), you.id()), Math.max(me.id(), you.id())), "the rows stay while the other side has them");
        text(api, you, me, "again");
        assertEquals(List.of("again"), texts(page(api, me, you)), "a new message brings the chat back with only itself");
        assertEquals(2, chatsOf(api, me).size());
    }

    @Test
    default void searchMessagesFindsTextInTheCallersConversationOnly() {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        Account third = TestAccounts.create(api);
        text(api, me, you, "Hello there");
        text(api, you, me, "HELLO back");
        text(api, you, me, "something else");
        text(api, me, you, "100% sure");
        text(api, third, me, "hello from a third");

        Reply found = api.get("search_messages", "session_id", me.token(), "user_id", String.valueOf(you.id()), "query", "hello");
        assertEnvelopeWithoutMessage(found, 200, "total");
        assertEquals(2, found.json().getInt("total"));
        List<JsonObject> items = found.json().getJsonArray("data").getValuesAs(JsonObject.class);
        items.forEach(item -> assertShape(item, MESSAGE));
        assertEquals(List.of("Hello there", "HELLO back"), texts(items));
        // wildcards are literal
        assertEquals(List.of("100% sure"), texts(api.get("search_messages", "session_id", me.token(), "user_id",
                String.valueOf(you.id()), "query", "%").json().getJsonArray("data").getValuesAs(JsonObject.class)));
        assertError(api.get("search_messages", "session_id", me.token(), "user_id", String.valueOf(you.id()), "query", "_x_"),
                204, "No data found");
        // a third user finds nothing of ours, in any conversation
        assertError(api.get("search_messages", "session_id", third.token(), "user_id", String.valueOf(you.id()), "query", "hello"),
                204, "No data found");
        assertEquals(List.of("hello from a third"), texts(api.get("search_messages", "session_id", third.token(), "user_id",
                String.valueOf(me.id()), "query", "hello").json().getJsonArray("data").getValuesAs(JsonObject.class)));
        assertError(api.get("search_messages", "query", "hello", "user_id", String.valueOf(you.id())), 401, "Unauthorized Access");
        assertError(api.get("search_messages", "session_id", me.token(), "query", "hello"), 400, BAD_USER);
        // a long query is cut to 32 characters; an empty one lists the conversation
        assertError(api.get("search_messages", "session_id", me.token(), "user_id", String.valueOf(you.id()),
                "query", "x".repeat(5000)), 204, "No data found");
        assertEquals(List.of("Hello there"), texts(api.get("search_messages", "session_id", me.token(), "user_id",
                String.valueOf(you.id()), "query", "  there ").json().getJsonArray("data").getValuesAs(JsonObject.class)));
        assertEquals(4, api.get("search_messages", "session_id", me.token(), "user_id", String.valueOf(you.id()), "query", "")
                .json().getJsonArray("data").size());
    }

    @Test
    default void messagesCrossingAtOnceKeepOneChatPerSide() throws Exception {
        ApiClient api = api();
        Account me = TestAccounts.create(api);
        Account you = TestAccounts.create(api);
        List<Reply> sent = Concurrently.call(20, i -> i % 2 == 0 ? text(api, me, you, "m" + i) : text(api, you, me, "y" + i));
        assertTrue(sent.stream().allMatch(reply -> reply.code() == 200), sent.toString());
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM chats WHERE owner_id = ? AND other_id = ?", me.id(), you.id()));
        assertEquals(1, Fixtures.number(api, "SELECT COUNT(*) FROM chats WHERE owner_id = ? AND other_id = ?", you.id(), me.id()));
        assertEquals(20, page(api, me, you, "page_size", "50").size());
    }

    // ---- helpers -----------------------------------------------------------------------------

    static Reply text(ApiClient api, Account from, Account to, String text) {
        return api.postForm("send_message", "session_id", from.token(), "user_id", String.valueOf(to.id()), "type", "text",
                "message", text);
    }

    static Reply messages(ApiClient api, Account who, Account with) {
        return api.get("get_messages", "session_id", who.token(), "user_id", String.valueOf(with.id()));
    }

    static List<JsonObject> page(ApiClient api, Account who, Account with, String... more) {
        String[] fields = new String[more.length + 4];
        fields[0] = "session_id";
        fields[1] = who.token();
        fields[2] = "user_id";
        fields[3] = String.valueOf(with.id());
        System.arraycopy(more, 0, fields, 4, more.length);
        Reply reply = api.get("get_messages", fields);
        assertEquals(200, reply.code(), reply.toString());
        return reply.json().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    static List<JsonObject> chatsOf(ApiClient api, Account who) {
        Reply reply = api.get("get_chats", "session_id", who.token());
        if (reply.code() == 204) {
            return List.of();
        }
        assertEquals(200, reply.code(), reply.toString());
        return reply.json().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    static List<String> texts(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("message")).toList();
    }

    static Reply follow(ApiClient api, Account who, Account target) {
        return api.postForm("follow", "session_id", who.token(), "user_id", String.valueOf(target.id()));
    }

    static void setContactPrivacy(ApiClient api, Account who, String value) {
        assertDone(api.postForm("set_priv_settings", "session_id", who.token(), "profile_visibility", "everyone",
                "contact_privacy", value, "follow_privacy", "everyone", "search_visibility", "Y"),
                "User privacy settings updated");
    }

    static Path mediaFile(String stored) {
        Path root = Path.of(System.getProperty("twittner.it.media", "target/it-media"));
        return root.resolve(stored.startsWith("upload/") ? stored.substring("upload/".length()) : stored);
    }
}
