package org.twittner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JdbcUrlDataSourceTest {

    @Test
    void driverFollowsTheUrl() {
        assertEquals("org.h2.Driver", JdbcUrlDataSource.driverClassFor("jdbc:h2:file:./data/twittner;MODE=MySQL"));
        assertEquals("com.mysql.cj.jdbc.Driver", JdbcUrlDataSource.driverClassFor("jdbc:mysql://db:3306/twittner"));
        assertEquals("jdbc:mysql://db/twittner", JdbcUrlDataSource.normalise("jdbc:mariadb://db/twittner"));
        assertEquals("com.mysql.cj.jdbc.Driver",
                JdbcUrlDataSource.driverClassFor(JdbcUrlDataSource.normalise("jdbc:mariadb://db/twittner")));
        assertNull(JdbcUrlDataSource.driverClassFor("jdbc:postgresql://db/twittner"));
    }

    @Test
    void mysqlConnectionsGetAConnectTimeoutUnlessTheUrlSetsOne() {
        assertEquals("5000", JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t", "u", "p", 0).getProperty("connectTimeout"));
        assertEquals("2000", JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t", "u", "p", 2).getProperty("connectTimeout"));
        assertNull(JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t?connectTimeout=900", "u", "p", 0).getProperty("connectTimeout"));
        assertNull(JdbcUrlDataSource.connectionProperties("jdbc:h2:mem:t", "u", "p", 0).getProperty("connectTimeout"));
        assertEquals("true", JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t", "u", "p", 0).getProperty("useLocalSessionState"));
        assertNull(JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t?useLocalSessionState=false", "u", "p", 0)
                .getProperty("useLocalSessionState"));
        assertNull(JdbcUrlDataSource.connectionProperties("jdbc:h2:mem:t", "u", "p", 0).getProperty("useLocalSessionState"));
        assertEquals("u", JdbcUrlDataSource.connectionProperties("jdbc:h2:mem:t", "u", "", 0).getProperty("user"));
    }

    @Test
    void mysqlConnectionsKeepTheirStatementsParsedUnlessTheUrlSaysOtherwise() {
        assertEquals("true", JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t", "u", "p", 0).getProperty("cachePrepStmts"));
        assertEquals("4096", JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t", "u", "p", 0)
                .getProperty("prepStmtCacheSqlLimit"));
        assertNull(JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t?cachePrepStmts=false", "u", "p", 0)
                .getProperty("cachePrepStmts"));
        var ownSize = JdbcUrlDataSource.connectionProperties("jdbc:mysql://db/t?PREPSTMTCACHESIZE=7", "u", "p", 0);
        assertNull(ownSize.getProperty("prepStmtCacheSize"), "a URL's own setting, in any case, stays");
        assertEquals("true", ownSize.getProperty("cachePrepStmts"));
        assertNull(JdbcUrlDataSource.connectionProperties("jdbc:h2:mem:t", "u", "p", 0).getProperty("cachePrepStmts"));
    }

    @Test
    void anH2DatabaseOnDiskWritesEachCommitBeforeItIsAnswered() {
        assertEquals("jdbc:h2:file:./data/twittner;MODE=MySQL;WRITE_DELAY=0",
                JdbcUrlDataSource.normalise("jdbc:h2:file:./data/twittner;MODE=MySQL"));
        assertEquals("jdbc:h2:./x;write_delay=200", JdbcUrlDataSource.normalise("jdbc:h2:./x;write_delay=200"));
        assertEquals("jdbc:h2:mem:t;MODE=MySQL", JdbcUrlDataSource.normalise("jdbc:h2:mem:t;MODE=MySQL"));
        assertEquals("jdbc:mysql://db/t", JdbcUrlDataSource.normalise("jdbc:mysql://db/t"));
    }
}
