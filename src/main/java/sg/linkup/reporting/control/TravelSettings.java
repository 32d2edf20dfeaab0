package sg.linkup.reporting.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.reporting.entity.TravelModel;

/**
 * The travel-saved parameters from configuration (README, "Client travel saved: the method", gives each
 * default's source). A value out of its bounds stops the deployment with the key and the reason, rather than
 * putting wrong hours in front of a supervisor months later.
 */
@ApplicationScoped
public class TravelSettings {

    static final String PREFIX = "linkup.reports.travel.";

    @Inject
    @ConfigProperty(name = PREFIX + "detour-factor", defaultValue = "1.3")
    double detourFactor;

    @Inject
    @ConfigProperty(name = PREFIX + "km-per-hour", defaultValue = "25")
    double kmPerHour;

    @Inject
    @ConfigProperty(name = PREFIX + "access-minutes", defaultValue = "10")
    double accessMinutes;

    @Inject
    @ConfigProperty(name = PREFIX + "wait-minutes", defaultValue = "5")
    double waitMinutes;

    @Inject
    @ConfigProperty(name = PREFIX + "local-trip-km", defaultValue = "2")
    double localTripKm;

    /** The seeds' figure: video at SSOs saved clients about 400 hours of travel a year. */
    @Inject
    @ConfigProperty(name = PREFIX + "reference-hours-per-year", defaultValue = "400")
    double referenceHoursPerYear;

    private TravelModel model;

    @PostConstruct
    void check() {
        try {
            model = new TravelModel(detourFactor, kmPerHour, accessMinutes, waitMinutes, localTripKm);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalStateException(PREFIX + keyOf(invalid.getMessage()) + " is invalid: "
                    + invalid.getMessage(), invalid);
        }
        if (!(referenceHoursPerYear > 0 && referenceHoursPerYear <= 1_000_000)) {
            throw new IllegalStateException(PREFIX + "reference-hours-per-year is invalid: it must lie above 0 and"
                    + " up to 1000000 hours, not " + referenceHoursPerYear);
        }
    }

    /** The key of the record component a TravelModel message starts with ("kmPerHour must …" → km-per-hour). */
    private static String keyOf(String message) {
        String component = message.substring(0, Math.max(0, message.indexOf(' ')));
        return component.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** Observing start-up makes the container create this bean, and so check the settings, at deployment. */
    void checkAtStart(@Observes Startup started) {
        // the work is done in check()
    }

    public TravelModel model() {
        return model;
    }

    public double referenceHoursPerYear() {
        return referenceHoursPerYear;
    }
}
