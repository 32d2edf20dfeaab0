package sg.linkup.security.entity;

import sg.linkup.platform.RoleChecks;

/**
 * What a member of staff may do. Scope comes with the role: counter staff and supervisors act for one or more
 * offices, a partner for one agency; an admin for everything.
 */
public enum Role {
    /** Everything, including staff accounts and the catalogue. */
    ADMIN,
    /**
     * Books its offices' clients at any SSO; sees, reschedules, cancels and checks in their bookings and every
     * session held at its offices; sees its offices' clients.
     */
    COUNTER_STAFF,
    /** Reads what counter staff of its offices read (and reports), changes nothing. */
    SUPERVISOR,
    /** Manages its agency's advisors and their availability; sees bookings with them, not client contacts. */
    PARTNER;

    public boolean isOfficeScoped() {
        return this == COUNTER_STAFF || this == SUPERVISOR;
    }

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final class Names {
        public static final String ADMIN = RoleChecks.ADMIN;
        public static final String COUNTER_STAFF = "COUNTER_STAFF";
        public static final String SUPERVISOR = "SUPERVISOR";
        public static final String PARTNER = "PARTNER";

        private Names() {
        }
    }
}
