package org.twittner.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Defines the database and brings its schema up to date (Flyway, {@code db/migration}) before
 * the application serves a request. Bean-managed transactions: Flyway commits on its own.
 *
 * <p>Defaults sit inline because Payara does not read the WAR's microprofile-config.properties
 * for these placeholders. {@code TWITTNER_DB_URL=jdbc:mysql://...} switches to MySQL/MariaDB.
 */
@DataSourceDefinition(name = SchemaMigrator.DATASOURCE,
        className = "org.twittner.platform.JdbcUrlDataSource",
        url = "${MPCONFIG=twittner.db.url:jdbc:h2:file:./data/twittner;MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE}",
        user = "${MPCONFIG=twittner.db.user:twittner}",
        password = "${MPCONFIG=twittner.db.password:}",
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data"})
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    public static final String DATASOURCE = "java:app/jdbc/twittner";

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
