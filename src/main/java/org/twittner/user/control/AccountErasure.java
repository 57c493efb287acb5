package org.twittner.user.control;

/**
 * A component's part in deleting an account (delete_account). Every component that keeps
 * anything of a user implements it; {@code account.control.AccountRemoval} calls them all in
 * the deleting transaction, with the user's row locked, and then deletes the row, whose foreign
 * keys remove the rows that need nothing more. An implementation removes what foreign keys
 * would not reach, puts right what the user's rows counted elsewhere (other users' followers,
 * other posts' likes and replies, ...), and hands the user's files to {@code MediaCommits.removing},
 * so that they go only once the deletion has committed.
 */
public interface AccountErasure {

    void eraseAccount(long userId);
}
