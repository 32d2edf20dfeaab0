package sg.linkup.reporting.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import sg.linkup.availability.control.HolidayCalendar;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.AvailabilityWindow;
import sg.linkup.availability.entity.Blackout;
import sg.linkup.availability.entity.TimeRange;
import sg.linkup.directory.entity.OpeningHours;
import sg.linkup.directory.entity.Room;
import sg.linkup.platform.Clocks;

/**
 * The hours that could have been booked, for utilisation: advisors' rule windows on working days less their leave
 * and their agency's closures; rooms' office opening hours less holidays and office closures. Read from the
 * catalogue for the report's range (a few hundred rules), never stored: the catalogue changes, history does not
 * need to.
 */
@ApplicationScoped
public class Capacity {

    @PersistenceContext
    EntityManager em;

    @Inject
    HolidayCalendar holidays;

    /** Available advisor hours by (period start, agency id), for the advisors of the given agencies (null = all). */
    public Map<LocalDate, Map<Long, Double>> advisorHours(LocalDate from, LocalDate to,
                                                         Function<LocalDate, LocalDate> periodOf,
                                                         Set<Long> agencies) {
        if (agencies != null && agencies.isEmpty()) {
            return Map.of();
        }
        Set<LocalDate> closed = holidays.daysBetween(from, to);
        Instant start = Clocks.at(from, LocalTime.MIDNIGHT);
        Instant end = Clocks.at(to.plusDays(1), LocalTime.MIDNIGHT);
        var ruleQuery = em.createQuery("SELECT r FROM AvailabilityRule r JOIN FETCH r.advisor a "
                + "WHERE a.active = TRUE" + (agencies == null ? "" : " AND a.agency.id IN :agencies"),
                AvailabilityRule.class);
        if (agencies != null) {
            ruleQuery.setParameter("agencies", agencies);
        }
        List<AvailabilityRule> rules = ruleQuery.getResultList();
        Map<Long, List<TimeRange>> away = new HashMap<>();
        Map<Long, List<TimeRange>> agencyAway = new HashMap<>();
        for (Blackout b : em.createQuery("SELECT b FROM Blackout b WHERE b.startsAt < :end AND b.endsAt > :start",
                        Blackout.class).setParameter("start", start).setParameter("end", end).getResultList()) {
            if (b.advisorId() != null) {
                away.computeIfAbsent(b.advisorId(), k -> new ArrayList<>()).add(b.range());
            } else {
                agencyAway.computeIfAbsent(b.agencyId(), k -> new ArrayList<>()).add(b.range());
            }
        }
        Map<LocalDate, Map<Long, Double>> hours = new HashMap<>();
        for (AvailabilityRule rule : rules) {
            long agency = rule.advisor().agency().id();
            List<TimeRange> off = new ArrayList<>(away.getOrDefault(rule.advisorId(), List.of()));
            off.addAll(agencyAway.getOrDefault(agency, List.of()));
            for (AvailabilityWindow w : rule.windows(from, to)) {
                LocalDate day = Clocks.dateIn(w.range().start());
                if (closed.contains(day) || day.isBefore(from) || day.isAfter(to)) {
                    continue;
                }
                double h = minutesLess(w.range(), off) / 60.0;
                hours.computeIfAbsent(periodOf.apply(day), k -> new HashMap<>()).merge(agency, h, Double::sum);
            }
        }
        return hours;
    }

    /** Room hours by (period start, office id): opening hours × active rooms, for the given offices (null = all). */
    public Map<LocalDate, Map<Long, Double>> roomHours(LocalDate from, LocalDate to,
                                                      Function<LocalDate, LocalDate> periodOf, Set<Long> offices) {
        if (offices != null && offices.isEmpty()) {
            return Map.of();
        }
        Set<LocalDate> closed = holidays.daysBetween(from, to);
        var roomQuery = em.createQuery("SELECT r FROM Room r JOIN FETCH r.office WHERE r.active = TRUE"
                + (offices == null ? "" : " AND r.office.id IN :offices"), Room.class);
        if (offices != null) {
            roomQuery.setParameter("offices", offices);
        }
        List<Room> rooms = roomQuery.getResultList();
        Map<Long, Integer> roomsPerOffice = new HashMap<>();
        Map<Long, sg.linkup.directory.entity.Office> byId = new HashMap<>();
        for (Room room : rooms) {
            roomsPerOffice.merge(room.office().id(), 1, Integer::sum);
            byId.put(room.office().id(), room.office());
        }
        Map<LocalDate, Map<Long, Double>> hours = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (closed.contains(day)) {
                continue;
            }
            for (var office : byId.values()) {
                double open = 0;
                for (OpeningHours h : office.openingHoursOn(day)) {
                    open += Duration.between(h.opens(), h.closes()).toMinutes() / 60.0;
                }
                if (open > 0) {
                    hours.computeIfAbsent(periodOf.apply(day), k -> new HashMap<>())
                            .merge(office.id(), open * roomsPerOffice.get(office.id()), Double::sum);
                }
            }
        }
        return hours;
    }

    /** Leave and an agency closure on the same day are one absence, not two. */
    static List<TimeRange> merged(List<TimeRange> ranges) {
        List<TimeRange> sorted = new ArrayList<>(ranges);
        sorted.sort(null);
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange r : sorted) {
            TimeRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !r.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new TimeRange(last.start(),
                        r.end().isAfter(last.end()) ? r.end() : last.end()));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    private static double minutesLess(TimeRange window, List<TimeRange> off) {
        double minutes = window.length().toMinutes();
        for (TimeRange o : merged(off)) {
            if (o.overlaps(window)) {
                Instant s = o.start().isAfter(window.start()) ? o.start() : window.start();
                Instant e = o.end().isBefore(window.end()) ? o.end() : window.end();
                minutes -= Duration.between(s, e).toMinutes();
            }
        }
        return Math.max(0, minutes);
    }
}
