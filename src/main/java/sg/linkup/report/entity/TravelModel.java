package sg.linkup.report.entity;

import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.SessionMode;

/** Placeholder until the pure16 branch lands: the client-travel-saved arithmetic. */
public record TravelModel(double detourFactor, double kmPerHour, double accessMinutes, double waitMinutes,
                          double localTripKm) {

    public record Trip(double km, double minutes) {
    }

    public record Saving(double km, double hours) {
        public static final Saving ZERO = new Saving(0, 0);

        public Saving plus(Saving o) {
            return new Saving(km + o.km, hours + o.hours);
        }
    }

    public static double crowFliesKm(Coordinates a, Coordinates b) {
        double r = 6371.0088;
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * r * Math.asin(Math.sqrt(h));
    }

    public Trip trip(Coordinates from, Coordinates to) {
        double km = Math.max(localTripKm, crowFliesKm(from, to) * detourFactor);
        return new Trip(km, accessMinutes + waitMinutes + km / kmPerHour * 60);
    }

    public Saving saved(SessionMode mode, Coordinates origin, Coordinates sessionOffice, Coordinates partnerOffice) {
        Trip partner = trip(origin, partnerOffice);
        double km = 2 * partner.km();
        double minutes = 2 * partner.minutes();
        if (mode != SessionMode.VIDEO_REMOTE) {
            Trip sso = trip(origin, sessionOffice);
            km -= 2 * sso.km();
            minutes -= 2 * sso.minutes();
        }
        return new Saving(Math.max(0, km), Math.max(0, minutes / 60));
    }
}
