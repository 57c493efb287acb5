/**
 * User: the base of the social components. The {@code User} entity (identity, profile fields,
 * media paths, counters) and the user objects many endpoints embed ({@code SignedInUser}, the
 * country table). It has no endpoints.
 *
 * <p>Endpoints: none.
 * <p>May depend on: media, platform.
 */
package org.twittner.user;
