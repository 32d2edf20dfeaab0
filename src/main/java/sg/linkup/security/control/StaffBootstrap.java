package sg.linkup.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.security.entity.Role;
import sg.linkup.security.entity.StaffAccount;

/**
 * No default passwords: a database without staff accounts gets its first admin from
 * {@code linkup.bootstrap.admin-username} / {@code -password} (environment), or Linkup refuses to start. The dev
 * run (demo data) creates documented demo accounts instead.
 */
@Startup
@Singleton(name = "StaffBootstrap")
@DependsOn("Database")
public class StaffBootstrap {

    private static final Logger LOG = Logger.getLogger(StaffBootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    StaffIdentityStore store;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "linkup.bootstrap.admin-username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "linkup.bootstrap.admin-password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "linkup.demo-data", defaultValue = "false")
    boolean demoData;

    @PostConstruct
    void firstAdmin() {
        long accounts = em.createQuery("SELECT COUNT(s) FROM StaffAccount s", Long.class).getSingleResult();
        if (accounts > 0 || demoData) {
            return;
        }
        if (username.isEmpty() || username.get().isBlank() || password.isEmpty() || password.get().isBlank()) {
            throw new IllegalStateException("No staff account exists. Set LINKUP_BOOTSTRAP_ADMIN_USERNAME and "
                    + "LINKUP_BOOTSTRAP_ADMIN_PASSWORD for the first start; Linkup has no default password.");
        }
        StaffAccount.checkNewPassword(password.get(), username.get());
        var admin = new StaffAccount(username.get(), "Administrator", store.hash(password.get()),
                new StaffAccount.Grant(Role.ADMIN, Set.of(), null));
        em.persist(admin);
        em.flush();
        audit.record(new AuditEvent.Actor("system", null, null), "ACCOUNT_CREATED", "StaffAccount", admin.id(),
                "first admin '" + admin.username() + "' from configuration");
        LOG.info(() -> "Created the first admin account '" + admin.username() + "' from configuration");
    }
}
