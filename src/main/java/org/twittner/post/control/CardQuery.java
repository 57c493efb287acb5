package org.twittner.post.control;

import java.util.List;

/**
 * A statement of another component that finds top-level posts and lets {@link PostCards#topLevel} read
 * their cards with it: {@code from} joins the posts as {@code p} and their authors as
 * {@code a} (and whatever its conditions need), {@code where} and {@code orderBy} are plain SQL
 * over them, and {@code parameters} are bound in order as ?1, ?2 and on (every text value goes
 * there, never into the SQL).
 */
public record CardQuery(String from, String where, String orderBy, int limit, List<Object> parameters) {
}
