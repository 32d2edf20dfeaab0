package sg.linkup.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.report.entity.TravelModel;

/** Placeholder until the pure16 branch lands. */
@ApplicationScoped
public class TravelSettings {

    @Inject
    @ConfigProperty(name = "linkup.reports.travel.detour-factor", defaultValue = "1.3")
    double detourFactor;

    @Inject
    @ConfigProperty(name = "linkup.reports.travel.km-per-hour", defaultValue = "20")
    double kmPerHour;

    @Inject
    @ConfigProperty(name = "linkup.reports.travel.access-minutes", defaultValue = "10")
    double accessMinutes;

    @Inject
    @ConfigProperty(name = "linkup.reports.travel.wait-minutes", defaultValue = "5")
    double waitMinutes;

    @Inject
    @ConfigProperty(name = "linkup.reports.travel.local-trip-km", defaultValue = "1.0")
    double localTripKm;

    @Inject
    @ConfigProperty(name = "linkup.reports.travel.reference-hours-per-year", defaultValue = "400")
    double referenceHoursPerYear;

    public TravelModel model() {
        return new TravelModel(detourFactor, kmPerHour, accessMinutes, waitMinutes, localTripKm);
    }

    public double referenceHoursPerYear() {
        return referenceHoursPerYear;
    }
}
