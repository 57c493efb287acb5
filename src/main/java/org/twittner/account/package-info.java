/**
 * Account: what a member changes about their own account. General profile data, privacy
 * settings, display language, verification requests (with a video for moderators), and
 * deleting the account, in which every component takes part through
 * {@link org.twittner.user.control.AccountErasure}.
 *
 * <p>Endpoints: gen_settings, get_priv_settings, set_priv_settings, language, verify_user,
 * delete_account (contract: ../shared/api/profile.md, auth.md). Passwords, sign-in and devices
 * are in session.
 * <p>May depend on: user, session, media, platform.
 */
package org.twittner.account;
