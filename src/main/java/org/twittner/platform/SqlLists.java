package org.twittner.platform;

/** Numbered parameters for an SQL {@code IN (...)} list of native queries. */
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
}
