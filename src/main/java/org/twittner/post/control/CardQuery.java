package org.twittner.post.control;

import java.util.List;

/**
 * A statement of another component that finds posts and lets {@link PostCards#select} read
 * their cards with it: {@code from} joins the posts as {@code p} and their authors as
 * {@code a} (and whatever its conditions need), {@code where} and {@code orderBy} are plain SQL
 * over them, and {@code parameters} are bound in order as ?1, ?2 and on (every text value goes
 * there, never into the SQL). {@code topLevel}: it finds no replies, so the cards need not
 * look for a replied-to author (the statement is shorter to plan).
 */
public record CardQuery(String from, String where, String orderBy, int limit, List<Object> parameters,
        boolean topLevel) {
}
