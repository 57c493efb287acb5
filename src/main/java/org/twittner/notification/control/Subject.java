package org.twittner.notification.control;

/** What a notification is about: the wire's {@code subject}, and the words of its push. */
public enum Subject {
    LIKE("like", "Liked your post", true),
    REPLY("reply", "Replied to your post", true),
    REPOST("repost", "Reposted your post", true),
    MENTION("mention", "Mentioned you in a post", true),
    SUBSCRIBE("subscribe", "Started following you", false),
    SUBSCRIBE_REQUEST("subscribe_request", "Wants to follow you", false),
    SUBSCRIBE_ACCEPT("subscribe_accept", "Accepted your follow request", false);

    private final String wire;
    private final String pushText;
    private final boolean aboutPost;

    Subject(String wire, String pushText, boolean aboutPost) {
        this.wire = wire;
        this.pushText = pushText;
        this.aboutPost = aboutPost;
    }

    public String wire() {
        return wire;
    }

    public String pushText() {
        return pushText;
    }

    /** Its entry_id is a post (otherwise it is the notifier, a user). */
    public boolean aboutPost() {
        return aboutPost;
    }

    static boolean isAboutPost(String wire) {
        for (Subject subject : values()) {
            if (subject.wire.equals(wire)) {
                return subject.aboutPost;
            }
        }
        return false;
    }

    /** The subjects about posts, as an SQL list. */
    static String postSubjectsSql() {
        StringBuilder list = new StringBuilder();
        for (Subject subject : values()) {
            if (subject.aboutPost) {
                list.append(list.isEmpty() ? "'" : ", '").append(subject.wire).append('\'');
            }
        }
        return list.toString();
    }
}
