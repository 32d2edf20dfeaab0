package sg.linkup.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Whether the database Linkup writes to can take writes on more than one server at once. The occupancy ledger's
 * guarantee rests on {@code SELECT … FOR UPDATE} row locks on rows it reads; a multi-primary cluster (Galera
 * written through several nodes, Group Replication with {@code single_primary_mode=OFF}) certifies only rows
 * written, so two bookings of one slot on two database servers could both commit. At start-up the settings the
 * server shows are judged here and a multi-primary write set-up is reported loudly (README "Running more than
 * one node"). It warns rather than refuses: a Galera cluster whose writes all go to one node is supported, and
 * from inside Linkup that routing cannot be seen.
 */
public final class WriteTopology {

    private static final Logger LOG = Logger.getLogger(WriteTopology.class.getName());

    /** What the server's settings say, and why. */
    public record Verdict(boolean multiPrimaryRisk, String reason) {
    }

    private WriteTopology() {
    }

    /**
     * The decision, on the server's variables and status (names in lower case, values as the server shows them;
     * {@code group_replication_online_members} is the count of ONLINE members in performance_schema).
     * {@code singleWriterDeclared} is the operator's {@code linkup.db.single-writer=true}: every Linkup node
     * writes through one Galera node (a proxy routes them so).
     */
    public static Verdict judge(Map<String, String> settings, boolean singleWriterDeclared) {
        int galeraNodes = number(settings.get("wsrep_cluster_size")).orElse(0);
        if (on(settings.get("wsrep_on")) && galeraNodes > 1) {
            if (singleWriterDeclared) {
                return new Verdict(false, "Galera with " + galeraNodes + " nodes; linkup.db.single-writer=true "
                        + "declares that every write goes to one of them");
            }
            return new Verdict(true, "Galera (wsrep_on=ON) with " + galeraNodes + " nodes: if Linkup's nodes write "
                    + "through more than one of them, two bookings of one slot can both commit. Route every write "
                    + "to one Galera node, then set linkup.db.single-writer=true");
        }
        String singlePrimary = settings.get("group_replication_single_primary_mode");
        int members = number(settings.get("group_replication_online_members")).orElse(0);
        if (singlePrimary != null && !on(singlePrimary)) {
            return new Verdict(true, "Group Replication in multi-primary mode (group_replication_single_primary_mode"
                    + "=OFF" + (members > 1 ? ", " + members + " members online" : "") + "): two bookings of one slot "
                    + "on two members can both commit. Use single-primary mode (InnoDB Cluster's default)");
        }
        if (on(settings.get("group_replication_enforce_update_everywhere_checks"))) {
            return new Verdict(true, "Group Replication with group_replication_enforce_update_everywhere_checks=ON "
                    + "is a multi-primary set-up: use single-primary mode");
        }
        return new Verdict(false, "one writer");
    }

    /** Reads the settings from the server and logs the verdict; a loud SEVERE block when writes may go to several. */
    static Verdict check(DataSource dataSource, boolean singleWriterDeclared) {
        Map<String, String> settings = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement()) {
            for (String query : new String[]{
                    "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('wsrep_on', "
                            + "'group_replication_single_primary_mode', 'group_replication_enforce_update_everywhere_checks')",
                    "SHOW GLOBAL STATUS WHERE Variable_name = 'wsrep_cluster_size'"}) {
                try (var rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        settings.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getString(2));
                    }
                }
            }
            if (settings.containsKey("group_replication_single_primary_mode")) {
                try (var rows = statement.executeQuery("SELECT COUNT(*) FROM performance_schema"
                        + ".replication_group_members WHERE MEMBER_STATE = 'ONLINE'")) {
                    if (rows.next()) {
                        settings.put("group_replication_online_members", rows.getString(1));
                    }
                } catch (SQLException e) {
                    // No such table: the plugin's variables without a running group. Judged on the variables.
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Could not read the database's replication settings (" + e.getMessage()
                    + "): whether it takes writes on more than one server is not known");
            return new Verdict(false, "unknown");
        }
        Verdict verdict = judge(settings, singleWriterDeclared);
        if (verdict.multiPrimaryRisk()) {
            LOG.severe(() -> "\n" + "!".repeat(100)
                    + "\n!!! MULTI-PRIMARY DATABASE: double bookings are possible\n!!! " + verdict.reason()
                    + "\n!!! README \"Running more than one node\" lists the set-ups that keep the guarantee.\n"
                    + "!".repeat(100));
        } else {
            LOG.info(() -> "Database write topology: " + verdict.reason());
        }
        return verdict;
    }

    private static boolean on(String value) {
        return value != null && (value.equalsIgnoreCase("ON") || value.equals("1"));
    }

    private static Optional<Integer> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
