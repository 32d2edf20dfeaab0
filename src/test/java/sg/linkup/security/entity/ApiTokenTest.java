package sg.linkup.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import sg.linkup.directory.entity.AgencyDomain;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.PartnerAgency;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final PartnerAgency AGENCY = new PartnerAgency("WSG", "Workforce Singapore",
            AgencyDomain.EMPLOYMENT, null, "1 Example Road", new Coordinates(1.30, 103.85));

    @Test
    void aTokenHas256RandomBitsAndOnlyItsHashIsKept() {
        var first = ApiToken.issue(AGENCY, "Sync", "partner.wsg", NOW);
        var second = ApiToken.issue(AGENCY, "Sync", "partner.wsg", NOW);
        assertTrue(first.secret().startsWith(ApiToken.PREFIX));
        assertEquals(32, Base64.getUrlDecoder().decode(first.secret().substring(ApiToken.PREFIX.length())).length);
        assertNotEquals(first.secret(), second.secret());
        assertEquals(64, ApiToken.hash(first.secret()).length());
        assertFalse(ApiToken.hash(first.secret()).contains(first.secret().substring(3, 12)));
        assertTrue(first.secret().startsWith(first.token().prefix()));
        assertTrue(first.token().prefix().length() < 12, "only a short prefix is shown again");
    }

    @Test
    void aRevokedTokenStopsWorking() {
        var token = ApiToken.issue(AGENCY, "Sync", "partner.wsg", NOW).token();
        assertTrue(token.isUsableAt(NOW));
        token.revoke(NOW.plusSeconds(60));
        assertTrue(token.isUsableAt(NOW.plusSeconds(59)));
        assertFalse(token.isUsableAt(NOW.plusSeconds(60)));
    }

    @Test
    void aTokenIsNamedAfterTheSystemThatUsesIt() {
        assertRefused("name", () -> ApiToken.issue(AGENCY, " ", "partner.wsg", NOW));
        assertRefused("name", () -> ApiToken.issue(AGENCY, "x".repeat(81), "partner.wsg", NOW));
    }
}
