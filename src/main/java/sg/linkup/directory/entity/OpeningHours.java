package sg.linkup.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalTime;
import sg.linkup.platform.InvalidInput;

/** One opening interval on a weekday, in Singapore wall-clock time. A day may have several (a lunch break). */
@Embeddable
public class OpeningHours {

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false, length = 9)
    private DayOfWeek day;

    @Column(name = "opens", nullable = false)
    private LocalTime opens;

    @Column(name = "closes", nullable = false)
    private LocalTime closes;

    protected OpeningHours() {
    }

    public OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
        if (day == null || opens == null || closes == null) {
            throw new InvalidInput("openingHours", "day, opens and closes are all required");
        }
        if (opens.getSecond() != 0 || opens.getNano() != 0 || closes.getSecond() != 0 || closes.getNano() != 0) {
            throw new InvalidInput("openingHours", "times are whole minutes");
        }
        if (!closes.isAfter(opens)) {
            throw new InvalidInput("openingHours", day + " closes at " + closes + ", not after it opens at " + opens);
        }
        this.day = day;
        this.opens = opens;
        this.closes = closes;
    }

    public DayOfWeek day() {
        return day;
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }

    boolean overlaps(OpeningHours other) {
        return day == other.day && opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }
}
