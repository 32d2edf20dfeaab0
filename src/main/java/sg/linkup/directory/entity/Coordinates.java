package sg.linkup.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import sg.linkup.platform.InvalidInput;

/** A point in Singapore (WGS84). Used for "nearest SSO" and travel-time-saved figures. */
@Embeddable
public class Coordinates {

    // A generous box around Singapore's main island and its islets: catches swapped or mistyped values.
    private static final double MIN_LAT = 1.15;
    private static final double MAX_LAT = 1.48;
    private static final double MIN_LON = 103.59;
    private static final double MAX_LON = 104.10;

    @Column(name = "latitude", nullable = false)
    private double latitude;

    @Column(name = "longitude", nullable = false)
    private double longitude;

    protected Coordinates() {
    }

    public Coordinates(double latitude, double longitude) {
        if (latitude < MIN_LAT || latitude > MAX_LAT) {
            throw new InvalidInput("latitude", "must lie in Singapore (" + MIN_LAT + " to " + MAX_LAT + ")");
        }
        if (longitude < MIN_LON || longitude > MAX_LON) {
            throw new InvalidInput("longitude", "must lie in Singapore (" + MIN_LON + " to " + MAX_LON + ")");
        }
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public double latitude() {
        return latitude;
    }

    public double longitude() {
        return longitude;
    }

    /** Great-circle distance, good enough to rank offices by nearness. */
    public double kilometresTo(Coordinates other) {
        double earthRadiusKm = 6371.0;
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * earthRadiusKm * Math.asin(Math.sqrt(a));
    }
}
