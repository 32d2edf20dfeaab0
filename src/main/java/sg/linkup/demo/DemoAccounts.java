package sg.linkup.demo;

import java.util.List;
import java.util.Set;
import sg.linkup.security.entity.Role;

/**
 * The dev run's sign-ins, one per role and scope, all with {@link #PASSWORD}. README lists them. They exist only
 * where {@code linkup.demo-data=true}; production gets its first admin from configuration.
 */
public final class DemoAccounts {

    /** Documented in README; the dev database accepts nothing else anyway, since it is only on 127.0.0.1. */
    public static final String PASSWORD = "linkup-demo-2026";

    /** username, display name, role, office codes, agency code. */
    public record Account(String username, String displayName, Role role, Set<String> offices, String agency) {
    }

    public static final List<Account> ALL = List.of(
            new Account("admin", "Demo Administrator", Role.ADMIN, Set.of(), null),
            new Account("counter.amk", "Counter officer, Ang Mo Kio", Role.COUNTER_STAFF, Set.of("SSO-AMK"), null),
            new Account("counter.east", "Counter officer, Tampines and Bedok", Role.COUNTER_STAFF,
                    Set.of("SSO-TAM", "SSO-BDK"), null),
            new Account("supervisor.amk", "Supervisor, Ang Mo Kio", Role.SUPERVISOR, Set.of("SSO-AMK"), null),
            new Account("partner.wsg", "WSG coordinator", Role.PARTNER, Set.of(), "WSG"),
            new Account("partner.clc", "Community Legal Clinic coordinator", Role.PARTNER, Set.of(), "CLC"));

    private DemoAccounts() {
    }
}
