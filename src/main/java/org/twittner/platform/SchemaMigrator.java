package org.twittner.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Brings the database schema up to date (Flyway, {@code db/migration}) before the application
 * serves a request. Bean-managed transactions: Flyway commits on its own.
 *
 * <p>The data source behind {@link #DATASOURCE} is defined per server, outside the code: on
 * Payara by {@code WEB-INF/glassfish-resources.xml}; on WildFly by the server configuration
 * ({@code docker/wildfly/configure.cli}), bound to this name by {@code WEB-INF/jboss-web.xml}.
 * Both read {@code TWITTNER_DB_URL} (MicroProfile Config name {@code twittner.db.url});
 * {@code jdbc:mysql://...} switches from the embedded H2 to MySQL/MariaDB.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    public static final String DATASOURCE = "java:app/jdbc/twittner";

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    /** Migrations that need Java (components contribute them as CDI beans; their versions fit among the SQL ones). */
    @Inject
    @Any
    Instance<JavaMigration> javaMigrations;

    @PostConstruct
    void migrate() {
        Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations.stream().toArray(JavaMigration[]::new))
                .load()
                .migrate();
    }
}
