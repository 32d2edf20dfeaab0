package sg.linkup.security.control;

import java.util.Set;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.security.entity.Role;

/**
 * Who is calling, established once per request by {@link LinkupAuthentication}: a member of staff (by session
 * cookie or HTTP Basic) or a partner agency's API token.
 */
public record Identity(String name, Role role, Set<Long> officeIds, Long agencyId, Via via) {

    public enum Via {
        SESSION, BASIC, TOKEN
    }

    public Identity {
        officeIds = Set.copyOf(officeIds);
    }

    /** "offices=3,7", "agency=2" or "all": how far this identity reaches, for the audit trail. */
    public String scope() {
        if (role == Role.ADMIN) {
            return "all";
        }
        if (role == Role.PARTNER) {
            return "agency=" + agencyId;
        }
        return "offices=" + String.join(",", officeIds.stream().sorted().map(String::valueOf).toList());
    }

    public AuditEvent.Actor actor() {
        return new AuditEvent.Actor(name, role.name(), scope());
    }
}
