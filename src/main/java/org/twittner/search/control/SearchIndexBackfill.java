package org.twittner.search.control;

import jakarta.enterprise.context.Dependent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        try (Rows terms = new Rows(db, "post_search_terms (term, post_id)", 2)) {
            forEachRow(db, "SELECT id, text FROM posts WHERE thread_id = 0 AND id > ? ORDER BY id LIMIT " + BATCH, row -> {
                for (String term : SearchText.terms(row.getString(2))) {
                    terms.add(term, row.getLong(1));
                }
            });
        }
    }

    private static void users(Connection db) throws SQLException {
        try (Rows keys = new Rows(db, "user_search_terms (term, user_id, followers)", 3)) {
            forEachRow(db, "SELECT id, username, first_name, last_name, follower_count FROM users"
                    + " WHERE search_visibility = 1 AND id > ? ORDER BY id LIMIT " + BATCH, row -> {
                        for (String key : SearchText.nameKeys(row.getString(2), row.getString(3), row.getString(4))) {
                            keys.add(key, row.getLong(1), row.getInt(5));
                        }
                    });
        }
    }

    private static void hashtags(Connection db) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE hashtags SET search_key = ? WHERE id = ?")) {
            forEachRow(db, "SELECT id, tag FROM hashtags WHERE id > ? ORDER BY id LIMIT " + BATCH, row -> {
                update.setString(1, Hashtags.searchKey(row.getString(2)));
                update.setLong(2, row.getLong(1));
                update.addBatch();
            });
            update.executeBatch();
        }
    }

    /** What is done with one read row. */
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /** Reads {@code select} (id in the first column, above its one parameter) a batch at a time. */
    private static void forEachRow(Connection db, String select, RowReader reader) throws SQLException {
        try (PreparedStatement read = db.prepareStatement(select)) {
            long after = 0;
            for (int rows = BATCH; rows == BATCH; ) {
                rows = 0;
                read.setLong(1, after);
                try (ResultSet r = read.executeQuery()) {
                    while (r.next()) {
                        rows++;
                        after = r.getLong(1);
                        reader.read(r);
                    }
                }
            }
        }
    }

    /**
     * Index rows written {@value #ROWS_PER_INSERT} to an INSERT: a JDBC batch costs MySQL's driver
     * a round trip per row (10,000 rows a second here; 13 million rows on the bench community).
     * A row already there (a term the collation takes as another, "ß" and "ss") is skipped.
     */
    private static final class Rows implements AutoCloseable {

        private static final int ROWS_PER_INSERT = 500;

        private final Connection db;
        private final String table;
        private final int columns;
        private final List<Object> values = new ArrayList<>();
        private PreparedStatement full;

        Rows(Connection db, String table, int columns) {
            this.db = db;
            this.table = table;
            this.columns = columns;
        }

        void add(Object... row) throws SQLException {
            values.addAll(List.of(row));
            if (values.size() == ROWS_PER_INSERT * columns) {
                flush();
            }
        }

        private void flush() throws SQLException {
            int rows = values.size() / columns;
            if (rows == 0) {
                return;
            }
            if (rows == ROWS_PER_INSERT && full == null) {
                full = db.prepareStatement(insert(rows));
            }
            PreparedStatement insert = rows == ROWS_PER_INSERT ? full : db.prepareStatement(insert(rows));
            try {
                for (int i = 0; i < values.size(); i++) {
                    insert.setObject(i + 1, values.get(i));
                }
                insert.executeUpdate();
            } finally {
                if (insert != full) {
                    insert.close();
                }
            }
            values.clear();
        }

        private String insert(int rows) {
            String tuple = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            return "INSERT INTO " + table + " VALUES " + String.join(", ", Collections.nCopies(rows, tuple))
                    + " ON DUPLICATE KEY UPDATE term = term";
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                if (full != null) {
                    full.close();
                }
            }
        }
    }
}
