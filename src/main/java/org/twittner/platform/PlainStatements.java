package org.twittner.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Native queries whose only values are numbers written into their text (a page's ids, the
 * viewer's id), run as plain JDBC statements instead of prepared ones. The MySQL driver prepares
 * on the client: each prepared statement's text is scanned for placeholders and its kind, which
 * for the long statements that build a page of posts was about 8 % of search_posts' CPU
 * samples (async-profiler, itimer); their text changes with every page, so no statement cache would help. Text
 * values never go this way: they stay bound parameters.
 */
public final class PlainStatements {

    private PlainStatements() {
    }

    /** {@code sql} must have no parameters: its values are numbers it spells out. */
    public static Query query(EntityManager em, String sql) {
        if (sql.indexOf('?') >= 0) {
            throw new IllegalArgumentException("a plain statement takes no parameters: " + sql);
        }
        // EclipseLink runs a call without parameters and without binding as a java.sql.Statement
        return em.createNativeQuery(sql).setHint("eclipselink.jdbc.bind-parameters", "false");
    }
}
