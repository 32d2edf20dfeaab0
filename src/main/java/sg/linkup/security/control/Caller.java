package sg.linkup.security.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.platform.NotFound;
import sg.linkup.security.entity.Role;

/**
 * The identity behind the current request and what it may reach. Resources ask it before they read or write:
 * something outside the caller's scope answers exactly like something that does not exist (404, or the
 * "no such id" of a body reference), so ids cannot be probed.
 */
@RequestScoped
public class Caller {

    @Inject
    HttpServletRequest request;

    public Identity identity() {
        if (request.getAttribute(LinkupAuthentication.IDENTITY) instanceof Identity identity) {
            return identity;
        }
        // Every /api path but sign-in is protected, so this is a wiring mistake, not a user's.
        throw new IllegalStateException("no authenticated identity on this request");
    }

    public Role role() {
        return identity().role();
    }

    public boolean is(Role role) {
        return identity().role() == role;
    }

    public AuditEvent.Actor actor() {
        return identity().actor();
    }

    /** The offices this caller is limited to; empty when it is not limited by office (admins). */
    public Optional<Set<Long>> officeScope() {
        Identity identity = identity();
        if (identity.role().isOfficeScoped()) {
            return Optional.of(identity.officeIds());
        }
        return identity.role() == Role.ADMIN ? Optional.empty() : Optional.of(Set.of());
    }

    /** The agency a partner is limited to; empty for everyone else. */
    public Optional<Long> agencyScope() {
        Identity identity = identity();
        return identity.role() == Role.PARTNER ? Optional.of(identity.agencyId()) : Optional.empty();
    }

    public boolean reachesOffice(Long officeId) {
        return officeScope().map(offices -> officeId != null && offices.contains(officeId)).orElse(true);
    }

    public boolean reachesAllOffices(Collection<Long> officeIds) {
        return officeIds.stream().allMatch(this::reachesOffice);
    }

    /** Partners reach only their own agency; staff of SSOs read every agency's catalogue. */
    public boolean reachesAgency(Long agencyId) {
        return agencyScope().map(own -> own.equals(agencyId)).orElse(true);
    }

    /** Throws the same 404 a missing record gives, when the office is outside the caller's scope. */
    public void requireOffice(String what, Object id, Long officeId) {
        if (!reachesOffice(officeId)) {
            throw new NotFound(what, id);
        }
    }

    public void requireAgency(String what, Object id, Long agencyId) {
        if (!reachesAgency(agencyId)) {
            throw new NotFound(what, id);
        }
    }
}
