package sg.linkup.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.security.control.StaffIdentityStore;
import sg.linkup.security.entity.StaffAccount;

/**
 * Fills an empty database with the {@link DemoCatalogue} and the {@link DemoAccounts} when the dev run asks for it
 * ({@code linkup.demo-data=true}). A database that already has offices is left alone, so restarting the dev
 * run, or switching the flag on against real data, never duplicates or mixes in demo rows.
 */
@Startup
@Singleton
@DependsOn("Database")
public class DemoDataLoader {

    static final long SEED = 20261123L;
    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "linkup.demo-data", defaultValue = "false")
    boolean enabled;

    /** One transaction (the singleton default): a half-loaded catalogue would make the next start skip it. */
    @Inject
    StaffIdentityStore staff;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        loadCatalogue();
        loadAccounts();
    }

    private void loadCatalogue() {
        long offices = em.createQuery("select count(o) from Office o", Long.class).getSingleResult();
        if (offices > 0) {
            LOG.info(() -> "Demo data not loaded: the database already has " + offices + " offices");
            return;
        }
        var demo = DemoCatalogue.build(SEED);
        // Parents before children: rooms need their office, services their agency, advisors their services.
        demo.agencies().forEach(em::persist);
        demo.offices().forEach(em::persist);
        demo.rooms().forEach(em::persist);
        demo.services().forEach(em::persist);
        demo.advisors().forEach(em::persist);
        demo.clients().forEach(em::persist);
        demo.rules().forEach(em::persist);
        LOG.info(() -> "Demo data loaded: " + demo.offices().size() + " offices, " + demo.rooms().size()
                + " rooms, " + demo.agencies().size() + " agencies, " + demo.services().size() + " services, "
                + demo.advisors().size() + " advisors, " + demo.clients().size() + " clients, " + demo.rules().size()
                + " availability rules");
    }

    /** Separately from the catalogue, so that a dev database from before sign-in existed gets accounts too. */
    private void loadAccounts() {
        long accounts = em.createQuery("select count(s) from StaffAccount s", Long.class).getSingleResult();
        if (accounts > 0) {
            return;
        }
        String hash = staff.hash(DemoAccounts.PASSWORD);
        for (DemoAccounts.Account demo : DemoAccounts.ALL) {
            Set<Office> offices = new HashSet<>(em.createQuery("select o from Office o where o.code in :codes",
                    Office.class).setParameter("codes", demo.offices().isEmpty() ? Set.of("-") : demo.offices())
                    .getResultList());
            PartnerAgency agency = demo.agency() == null ? null : em.createQuery(
                            "select a from PartnerAgency a where a.code = :code", PartnerAgency.class)
                    .setParameter("code", demo.agency()).getResultStream().findFirst().orElse(null);
            if (offices.size() != demo.offices().size() || (demo.agency() != null && agency == null)) {
                LOG.warning(() -> "Demo account " + demo.username() + " skipped: its office or agency is missing");
                continue;
            }
            em.persist(new StaffAccount(demo.username(), demo.displayName(), hash,
                    new StaffAccount.Grant(demo.role(), offices, agency)));
        }
        LOG.info(() -> "Demo accounts created: " + DemoAccounts.ALL.stream().map(DemoAccounts.Account::username)
                .toList() + " (password in README)");
    }
}
