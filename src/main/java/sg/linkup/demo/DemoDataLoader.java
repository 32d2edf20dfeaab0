package sg.linkup.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database with the {@link DemoCatalogue} when the dev run asks for it
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
    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
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
}
