package org.twittner.search.control;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.twittner.platform.SearchText;
import org.twittner.post.control.Hashtags;

/**
 * Migration 11: fills the search index (V10) for what a database held before it, in batches of
 * {@value #BATCH} rows. Java, not SQL: the terms are what {@link SearchText} makes, so that old
 * and new rows are found alike. Contributed to the schema migration as a CDI bean
 * ({@code platform.SchemaMigrator} runs every {@link JavaMigration} bean).
 */
@Dependent
public class SearchIndexBackfill implements JavaMigration {

    private static final int BATCH = 1000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "search index of existing posts, users and hashtags";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        posts(db);
        users(db);
        hashtags(db);
    }

    private static void posts(Connection db) throws SQLException {
        inBatches(db, "SELECT id, text FROM posts WHERE thread_id = 0 AND id > ? ORDER BY id LIMIT " + BATCH,
                "INSERT INTO post_search_terms (term, post_id) VALUES (?, ?) ON DUPLICATE KEY UPDATE term = term",
                (row, insert) -> terms(row.getLong(1), SearchText.terms(row.getString(2)), insert));
    }

    private static void users(Connection db) throws SQLException {
        inBatches(db, "SELECT id, username, first_name, last_name, follower_count FROM users"
                        + " WHERE search_visibility = 1 AND id > ? ORDER BY id LIMIT " + BATCH,
                "INSERT INTO user_search_terms (term, user_id, followers) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE term = term",
                (row, insert) -> {
                    for (String term : SearchText.nameKeys(row.getString(2), row.getString(3), row.getString(4))) {
                        insert.setString(1, term);
                        insert.setLong(2, row.getLong(1));
                        insert.setInt(3, row.getInt(5));
                        insert.addBatch();
                    }
                });
    }

    private static void hashtags(Connection db) throws SQLException {
        inBatches(db, "SELECT id, tag FROM hashtags WHERE id > ? ORDER BY id LIMIT " + BATCH,
                "UPDATE hashtags SET search_key = ? WHERE id = ?", (row, update) -> {
                    update.setString(1, Hashtags.searchKey(row.getString(2)));
                    update.setLong(2, row.getLong(1));
                    update.addBatch();
                });
    }

    private static void terms(long id, Iterable<String> terms, PreparedStatement insert) throws SQLException {
        for (String term : terms) {
            insert.setString(1, term);
            insert.setLong(2, id);
            insert.addBatch();
        }
    }

    /** What one read row adds to the write batch. */
    private interface RowWriter {
        void write(ResultSet row, PreparedStatement out) throws SQLException;
    }

    /** Reads {@code select} (id in the first column, above its one parameter) a batch at a time, writing each batch. */
    private static void inBatches(Connection db, String select, String write, RowWriter writer) throws SQLException {
        try (PreparedStatement read = db.prepareStatement(select); PreparedStatement out = db.prepareStatement(write)) {
            long after = 0;
            for (int rows = BATCH; rows == BATCH; ) {
                rows = 0;
                read.setLong(1, after);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        after = r.getLong(1);
                        writer.write(r, out);
                    }
                }
                out.executeBatch();
            }
        }
    }
}
