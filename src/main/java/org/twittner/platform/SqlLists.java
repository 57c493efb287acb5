package org.twittner.platform;

/** Pieces of native SQL built from values: numbered parameters of {@code IN (...)} lists, LIKE literals. */
public final class SqlLists {

    private SqlLists() {
    }

    /** "?3, ?4, ?5" for {@code count} 3 and {@code first} 3. */
    public static String placeholders(int count, int first) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "?" : ", ?").append(i + first);
        }
        return list.toString();
    }

    /** A LIKE pattern's text with its wildcards taken literally: use with {@code ESCAPE '!'}. */
    public static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
