package sg.linkup.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
                // After a database restart every pooled connection is dead: each is tested before it is lent, and
                // the first that fails drops them all, so the pool recovers without a restart of Payara.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true",
                // A request waits this long for a free connection, then answers 503 (Payara's default: 60 s).
                "fish.payara.max-wait-time-in-millis=${MPCONFIG=linkup.db.max-wait-millis}",
                // Connector/J: a database host that does not answer (rather than refusing) fails a connection
                // attempt after 5 s, not after the kernel's two minutes; a statement whose answer never comes
                // fails after socketTimeout, instead of holding its thread until TCP gives up (about 15 minutes).
                "connectTimeout=5000",
                "socketTimeout=${MPCONFIG=linkup.db.socket-timeout-millis}",
                // Set once per physical connection, not re-checked with a round trip on every statement.
                "fish.payara.is-isolation-level-guaranteed=false",
                // Connector/J: parse each SQL text once per connection (JFR: re-parsing was 9–13 % of a booking),
                // and answer autocommit/isolation questions from what the driver last set, not with a round trip.
                "cachePrepStmts=true",
                "prepStmtCacheSize=250",
                "prepStmtCacheSqlLimit=2048",
                "useLocalSessionState=true",
                // Statements are left open in Payara's EclipseLink 4.0.7: about 8 per booking, as many as a booking's
                // IDENTITY inserts (eclipse-ee4j/eclipselink#2366: statements left open after reading generated
                // keys). Connector/J keeps each open statement in its connection's copy-on-write list: 24,626 of
                // them, with their result sets, survived a full GC after a 3,000-booking benchmark, and every
                // statement registered since copied that list — 13 % of a booking's CPU, growing with uptime.
                // Untracked, a statement nobody references is garbage; nothing is held on the server (client-side
                // prepared statements, results read whole).
                "dontTrackOpenResources=true"
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
        requireUtcSessions();
    }

    /**
     * Instants are stored as UTC DATETIMEs, and OccupancyLedger reads them back as microseconds since 1970 in SQL
     * ({@code TIMESTAMPDIFF}) to decide overlaps in Java. A session in another time zone (a URL without
     * {@code connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true}) would store wall-clock times and move
     * every busy time by the zone's offset — slots double-booked, silently. So the node refuses to start instead.
     */
    private void requireUtcSessions() {
        Instant probe = Instant.parse("2024-01-01T00:00:00Z");
        try (Connection connection = dataSource.getConnection(); PreparedStatement read = connection.prepareStatement(
                "SELECT TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', ?)")) {
            read.setTimestamp(1, Timestamp.from(probe));
            try (ResultSet result = read.executeQuery()) {
                result.next();
                long off = result.getLong(1) / 1_000_000 - probe.getEpochSecond();
                if (off != 0) {
                    throw new IllegalStateException("The database session does not keep times in UTC (an instant "
                            + "reads back " + off + " s off): add connectionTimeZone=UTC&"
                            + "forceConnectionTimeZoneToSession=true to linkup.db.url (README, Configuration)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot check the database session's time zone", e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }
}
