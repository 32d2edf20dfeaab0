package sg.linkup.reporting.entity;

import java.util.Objects;
import sg.linkup.directory.entity.Coordinates;
import sg.linkup.directory.entity.SessionMode;

/**
 * The client travel a session saved, by public transport: the round trip the client would have made to the
 * partner agency's own office, minus the round trip they made to the SSO where the session was held (nothing
 * for a video session from home). The README's "Client travel saved: the method" explains every parameter and
 * where its default comes from; {@code TravelSettings} reads them from configuration.
 *
 * <p>One-way trip: km = max(localTripKm, crow-flies km &times; detourFactor); minutes = accessMinutes +
 * waitMinutes + km / kmPerHour &times; 60. The origin is the client's own SSO, standing for their neighbourhood:
 * Linkup stores no home address.
 *
 * @param detourFactor  network km per crow-flies km (circuity), 1 to 3
 * @param kmPerHour     speed once aboard, stops and transfers included, 5 to 80 km/h
 * @param accessMinutes walking to the first stop and from the last one, per one-way trip, 0 to 60
 * @param waitMinutes   waiting for buses and trains, per one-way trip, 0 to 60
 * @param localTripKm   the shortest trip counted: home to the client's own SSO, 0 to 10 km
 */
public record TravelModel(double detourFactor, double kmPerHour, double accessMinutes, double waitMinutes,
                          double localTripKm) {

    /** Mean Earth radius (IUGG), km. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    public TravelModel {
        requireWithin("detourFactor", detourFactor, 1, 3, "");
        requireWithin("kmPerHour", kmPerHour, 5, 80, " km/h");
        requireWithin("accessMinutes", accessMinutes, 0, 60, " minutes");
        requireWithin("waitMinutes", waitMinutes, 0, 60, " minutes");
        requireWithin("localTripKm", localTripKm, 0, 10, " km");
    }

    private static void requireWithin(String name, double value, double min, double max, String unit) {
        if (!(value >= min && value <= max)) {  // also refuses NaN
            throw new IllegalArgumentException(name + " must lie between " + plain(min) + " and " + plain(max)
                    + unit + ", not " + value);
        }
    }

    private static String plain(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    /** One way, by public transport. */
    public record Trip(double km, double minutes) {
    }

    /** Travel saved: kilometres and hours, never negative. */
    public record Saving(double km, double hours) {

        public static final Saving ZERO = new Saving(0, 0);

        public Saving plus(Saving other) {
            return new Saving(km + other.km, hours + other.hours);
        }
    }

    /** Great-circle distance (haversine on the mean Earth radius); within 0.6 % of the WGS84 geodesic. */
    public static double crowFliesKm(Coordinates a, Coordinates b) {
        double lat1 = Math.toRadians(a.latitude());
        double lat2 = Math.toRadians(b.latitude());
        double sinHalfDLat = Math.sin((lat2 - lat1) / 2);
        double sinHalfDLon = Math.sin(Math.toRadians(b.longitude() - a.longitude()) / 2);
        double h = sinHalfDLat * sinHalfDLat + Math.cos(lat1) * Math.cos(lat2) * sinHalfDLon * sinHalfDLon;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    public Trip trip(Coordinates from, Coordinates to) {
        double km = Math.max(localTripKm, crowFliesKm(from, to) * detourFactor);
        return new Trip(km, accessMinutes + waitMinutes + km / kmPerHour * 60);
    }

    /**
     * What one session saved its client.
     *
     * @param origin        the client's own SSO (their registered office)
     * @param sessionOffice the SSO where the session was held; not used, and may be null, for VIDEO_REMOTE
     * @param partnerOffice the partner agency's own office
     */
    public Saving saved(SessionMode mode, Coordinates origin, Coordinates sessionOffice, Coordinates partnerOffice) {
        Objects.requireNonNull(mode, "mode");
        Trip avoided = trip(origin, partnerOffice);
        double km = 2 * avoided.km();
        double minutes = 2 * avoided.minutes();
        if (mode != SessionMode.VIDEO_REMOTE) {
            Trip made = trip(origin, Objects.requireNonNull(sessionOffice, "sessionOffice"));
            km -= 2 * made.km();
            minutes -= 2 * made.minutes();
        }
        return new Saving(Math.max(0, km), Math.max(0, minutes / 60));
    }
}
