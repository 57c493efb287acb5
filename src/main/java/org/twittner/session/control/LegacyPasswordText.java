package org.twittner.session.control;

import java.util.regex.Pattern;

/**
 * ColibriSM's login passed the password through its text filter ({@code cl_text_secure}) before
 * checking it, and its web reset form hashed the filtered text too. An imported account whose
 * password contains quotes, backslashes, tags or surrounding spaces only matches in that form.
 */
final class LegacyPasswordText {

    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern TEMPLATE_TAGS = Pattern.compile("\\{%.*?%}");
    private static final Pattern NUMERIC_ENTITIES = Pattern.compile("&#\\d+;");

    private LegacyPasswordText() {
    }

    static String filter(String raw) {
        String text = stripSlashes(raw.strip());
        text = TAGS.matcher(text).replaceAll("");
        text = mysqlEscape(text);
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        text = TEMPLATE_TAGS.matcher(text).replaceAll("");
        return NUMERIC_ENTITIES.matcher(text).replaceAll("");
    }

    /** PHP stripslashes: a backslash quotes the next character; a lone trailing one goes. */
    private static String stripSlashes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** mysqli_real_escape_string. */
    private static String mysqlEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\0' -> out.append("\\0");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\u001a' -> out.append("\\Z");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
