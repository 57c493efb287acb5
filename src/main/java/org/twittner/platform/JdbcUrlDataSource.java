package org.twittner.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that picks the JDBC driver from the URL, so that switching from the embedded H2
 * default to MySQL is one setting ({@code TWITTNER_DB_URL}) and not two. The server's connection
 * pool wraps it; it opens one physical connection per call. A MySQL connection gets a connect
 * timeout unless the URL sets its own: a database host that stops answering must fail new
 * connections (and the readiness check) in seconds, not after minutes of TCP retries. (No read
 * timeout: a long Flyway migration must not be cut off halfway.)
 */
public class JdbcUrlDataSource implements DataSource {

    static final int CONNECT_TIMEOUT_SECONDS = 5;

    /** Statement texts whose parse each connection keeps (Connector/J's cachePrepStmts), and their longest. */
    static final int PREPARED_STATEMENTS_KEPT = 100;
    static final int PREPARED_STATEMENT_MAX_CHARACTERS = 4096;

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private volatile Driver driver;

    public void setUrl(String url) {
        this.url = normalise(url);
    }

    public void setURL(String url) {
        setUrl(url);
    }

    /**
     * MariaDB's own URL scheme goes to the MySQL driver (which speaks to MariaDB too). An H2
     * database on disk writes every commit before it is acknowledged (WRITE_DELAY=0), unless the
     * URL says otherwise: H2's default, half a second late, lost answered uploads on kill -9.
     */
    static String normalise(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            return "jdbc:mysql:" + jdbcUrl.substring("jdbc:mariadb:".length());
        }
        if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:")
                && !jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) {
            return jdbcUrl + ";WRITE_DELAY=0";
        }
        return jdbcUrl;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    // The pool may set the other standard @DataSourceDefinition properties; the URL says it all.
    public void setServerName(String ignored) {
    }

    public void setPortNumber(int ignored) {
    }

    public void setDatabaseName(String ignored) {
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        Connection connection = driver().connect(url, connectionProperties(url, username, pass, loginTimeout));
        if (connection == null) {
            throw new SQLException("No JDBC driver accepts the URL in TWITTNER_DB_URL");
        }
        return connection;
    }

    static Properties connectionProperties(String jdbcUrl, String username, String pass, int loginTimeoutSeconds) {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (pass != null) {
            properties.setProperty("password", pass);
        }
        if (!jdbcUrl.startsWith("jdbc:mysql:")) {
            return properties;
        }
        int seconds = loginTimeoutSeconds > 0 ? loginTimeoutSeconds : CONNECT_TIMEOUT_SECONDS;
        defaultFor(properties, jdbcUrl, "connectTimeout", Integer.toString(seconds * 1000));
        // the pool sets read committed on every checkout (is-isolation-level-guaranteed), and
        // Connector/J would ask the server for the current level each time: a SELECT per
        // transaction. Only JDBC calls change session state here, so the driver's own record is right.
        defaultFor(properties, jdbcUrl, "useLocalSessionState", "true");
        // Connector/J prepares on the client, scanning each statement's text anew: 10 % of a
        // search_posts request's server CPU, most of it its one long statement (async-profiler). Each
        // connection keeps the scans of its most recent texts (at most 32 connections x 100 x 4 KB).
        defaultFor(properties, jdbcUrl, "cachePrepStmts", "true");
        defaultFor(properties, jdbcUrl, "prepStmtCacheSize", Integer.toString(PREPARED_STATEMENTS_KEPT));
        defaultFor(properties, jdbcUrl, "prepStmtCacheSqlLimit", Integer.toString(PREPARED_STATEMENT_MAX_CHARACTERS));
        return properties;
    }

    /** Sets a driver property unless the URL names it (in any case, as Connector/J reads names). */
    private static void defaultFor(Properties properties, String jdbcUrl, String name, String value) {
        if (!jdbcUrl.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT) + "=")) {
            properties.setProperty(name, value);
        }
    }

    private Driver driver() throws SQLException {
        Driver found = driver;
        if (found == null) {
            found = loadDriver(url);
            driver = found;
        }
        return found;
    }

    static String driverClassFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (jdbcUrl.startsWith("jdbc:mysql:")) {
            return "com.mysql.cj.jdbc.Driver";
        }
        return null;
    }

    private static Driver loadDriver(String jdbcUrl) throws SQLException {
        if (jdbcUrl == null) {
            throw new SQLException("TWITTNER_DB_URL is not set");
        }
        String className = driverClassFor(jdbcUrl);
        if (className == null) {
            return DriverManager.getDriver(jdbcUrl);
        }
        try {
            Class<?> type = Class.forName(className, true, JdbcUrlDataSource.class.getClassLoader());
            return (Driver) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("JDBC driver " + className + " is not available", e);
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
