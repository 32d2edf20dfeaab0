package sg.linkup.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.security.entity.Role;

class IdentityTest {

    @Test
    void theAuditTrailRecordsHowFarAnIdentityReaches() {
        assertEquals("all", new Identity("admin", Role.ADMIN, Set.of(), null, Identity.Via.SESSION).scope());
        assertEquals("offices=3,12", new Identity("c", Role.COUNTER_STAFF, Set.of(12L, 3L), null,
                Identity.Via.BASIC).scope());
        assertEquals("agency=7", new Identity("token:lk_abc", Role.PARTNER, Set.of(), 7L,
                Identity.Via.TOKEN).actor().scope());
        assertEquals("PARTNER", new Identity("p", Role.PARTNER, Set.of(), 7L, Identity.Via.TOKEN).actor().role());
    }
}
