package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteTopologyTest {

    @Test
    void aPlainServerIsOneWriter() {
        assertFalse(WriteTopology.judge(Map.of(), false).multiPrimaryRisk());
        assertFalse(WriteTopology.judge(Map.of("wsrep_on", "OFF"), false).multiPrimaryRisk());
    }

    @Test
    void galeraWithSeveralNodesIsARiskUntilTheOperatorDeclaresOneWriter() {
        var settings = Map.of("wsrep_on", "ON", "wsrep_cluster_size", "3");
        var verdict = WriteTopology.judge(settings, false);
        assertTrue(verdict.multiPrimaryRisk());
        assertTrue(verdict.reason().contains("3 nodes"), verdict.reason());
        assertFalse(WriteTopology.judge(settings, true).multiPrimaryRisk());
    }

    @Test
    void galeraOfOneNodeIsOneWriter() {
        assertFalse(WriteTopology.judge(Map.of("wsrep_on", "ON", "wsrep_cluster_size", "1"), false)
                .multiPrimaryRisk());
    }

    @Test
    void groupReplicationInMultiPrimaryModeIsARiskWhateverTheOperatorDeclares() {
        var settings = Map.of("group_replication_single_primary_mode", "OFF", "group_replication_online_members", "3");
        assertTrue(WriteTopology.judge(settings, false).multiPrimaryRisk());
        assertTrue(WriteTopology.judge(settings, true).multiPrimaryRisk());
        assertTrue(WriteTopology.judge(Map.of("group_replication_single_primary_mode", "OFF"), false)
                .multiPrimaryRisk(), "members unknown: still a multi-primary configuration");
        assertTrue(WriteTopology.judge(Map.of("group_replication_single_primary_mode", "OFF",
                "group_replication_online_members", "1"), false).multiPrimaryRisk(), "the next member to join writes too");
    }

    @Test
    void groupReplicationInSinglePrimaryModeIsOneWriter() {
        assertFalse(WriteTopology.judge(Map.of("group_replication_single_primary_mode", "ON",
                "group_replication_online_members", "3"), false).multiPrimaryRisk());
    }

    @Test
    void updateEverywhereChecksMeanMultiPrimary() {
        assertTrue(WriteTopology.judge(Map.of("group_replication_single_primary_mode", "ON",
                "group_replication_enforce_update_everywhere_checks", "ON"), false).multiPrimaryRisk());
    }
}
