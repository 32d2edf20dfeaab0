package sg.linkup.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * The one connection pool, configured only through MicroProfile Config (env {@code LINKUP_DB_URL},
 * {@code LINKUP_DB_USER}, {@code LINKUP_DB_PASSWORD}), and the schema migrations that must run before
 * anything else touches the database. Beans that read or write at start-up declare
 * {@code @DependsOn("Database")}.
 */
@Startup
@Singleton(name = "Database")
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "com.mysql.cj.jdbc.MysqlDataSource",
        url = "${MPCONFIG=linkup.db.url}",
        user = "${MPCONFIG=linkup.db.user}",
        password = "${MPCONFIG=linkup.db.password}",
        // OccupancyLedger checks for overlaps after locking a resource row: each statement must see what the
        // previous lock holder committed, which REPEATABLE READ's transaction-long snapshot would not.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 32,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true",
                // Set once per physical connection, not re-checked with a round trip on every statement.
                "fish.payara.is-isolation-level-guaranteed=false",
                // Connector/J: parse each SQL text once per connection (JFR: re-parsing was 9–13 % of a booking),
                // and answer autocommit/isolation questions from what the driver last set, not with a round trip.
                "cachePrepStmts=true",
                "prepStmtCacheSize=250",
                "prepStmtCacheSqlLimit=2048",
                "useLocalSessionState=true"
        })
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/linkup";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    /** Every write goes to one server of a Galera cluster (a proxy routes them): silences WriteTopology's warning. */
    @Inject
    @ConfigProperty(name = "linkup.db.single-writer", defaultValue = "false")
    boolean singleWriterDeclared;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        var result = Flyway.configure(Thread.currentThread().getContextClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
        WriteTopology.check(dataSource, singleWriterDeclared);
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
