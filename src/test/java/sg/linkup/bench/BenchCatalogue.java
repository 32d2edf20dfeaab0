package sg.linkup.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The benchmark's catalogue, written straight into the tables by JDBC (the schema is Flyway's, created when
 * Payara started): 24 offices open Mon–Fri 08:30–17:30, 60 rooms, one employment agency, 5 services and 300
 * advisors spread evenly over the offices, each with an in-person rule (two mornings a week at their office)
 * and a video rule (every weekday afternoon).
 */
final class BenchCatalogue {

    static final int ADVISORS = 300;
    static final List<String> TOWNS = List.of("Ang Mo Kio", "Bedok", "Bishan", "Bukit Batok", "Bukit Merah",
            "Bukit Panjang", "Choa Chu Kang", "Clementi", "Geylang", "Hougang", "Jurong East", "Jurong West",
            "Kallang", "Marine Parade", "Pasir Ris", "Punggol", "Queenstown", "Sembawang", "Sengkang", "Serangoon",
            "Tampines", "Toa Payoh", "Woodlands", "Yishun");
    private static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    private static final List<String> SECOND_LANGUAGES = List.of("ZH", "MS", "TA");

    /** An office and its rooms: interview rooms are offered first for in-person sessions. */
    record Office(long id, List<Long> interviewRooms, long videoRoom) {
    }

    /** What a booking of a service occupies, in minutes: the advisor and room for the whole span. */
    record Terms(long id, int bufferBefore, int duration, int bufferAfter) {
        int span() {
            return bufferBefore + duration + bufferAfter;
        }
    }

    /** An advisor sits at one office on {@code inPersonDays} mornings and is on video every weekday afternoon. */
    record Advisor(long id, Office office, Set<DayOfWeek> inPersonDays, List<Terms> services) {
    }

    final List<Office> offices;
    final Terms main;
    final List<Advisor> advisors;

    private BenchCatalogue(List<Office> offices, Terms main, List<Advisor> advisors) {
        this.offices = offices;
        this.main = main;
        this.advisors = advisors;
    }

    List<Long> mainAdvisorIds() {
        return advisors.stream().filter(a -> a.services().contains(main)).map(Advisor::id).toList();
    }

    static BenchCatalogue create(Connection db, Random random, LocalDate today) throws SQLException {
        db.setAutoCommit(false);
        List<Office> offices = offices(db);
        long agency = insert(db, "INSERT INTO partner_agency (code, name, domain, is_sensitive, base_address, "
                + "base_latitude, base_longitude) VALUES ('BENCH-WSG', 'Bench Employment Partner', 'EMPLOYMENT', "
                + "FALSE, '1 Bench Road, Singapore 000001', 1.2966, 103.8520)");
        List<Terms> services = services(db, agency);
        List<Advisor> advisors = advisors(db, random, agency, offices, services, today);
        db.commit();
        return new BenchCatalogue(offices, services.get(0), advisors);
    }

    private static List<Office> offices(Connection db) throws SQLException {
        List<Office> offices = new ArrayList<>();
        try (PreparedStatement hours = db.prepareStatement(
                "INSERT INTO office_opening_hours (office_id, day_of_week, opens, closes) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < TOWNS.size(); i++) {
                String town = TOWNS.get(i);
                long office = insert(db, String.format(Locale.ROOT,
                        "INSERT INTO office (code, name, address, postal_code, latitude, longitude) "
                                + "VALUES ('BENCH-%02d', 'SSO@%s', '%d %s Central, Singapore', '%06d', %.4f, %.4f)",
                        i + 1, town, 100 + i, town, 310_000 + i * 1_000, 1.30 + i * 0.006, 103.75 + i * 0.008));
                for (DayOfWeek day : WEEKDAYS) {
                    hours.setLong(1, office);
                    hours.setString(2, day.name());
                    hours.setString(3, "08:30:00");
                    hours.setString(4, "17:30:00");
                    hours.addBatch();
                }
                // 24 video rooms and 36 interview rooms: every other office has a second interview room.
                List<Long> interview = new ArrayList<>();
                interview.add(room(db, office, "Interview 1", "INTERVIEW_ROOM"));
                if (i % 2 == 0) {
                    interview.add(room(db, office, "Interview 2", "INTERVIEW_ROOM"));
                }
                offices.add(new Office(office, List.copyOf(interview), room(db, office, "Video 1", "VIDEO_ROOM")));
            }
            hours.executeBatch();
        }
        return List.copyOf(offices);
    }

    private static long room(Connection db, long office, String name, String kind) throws SQLException {
        return insert(db, "INSERT INTO room (office_id, name, kind) VALUES (" + office + ", '" + name + "', '"
                + kind + "')");
    }

    /** The first is the one searched: 45 minutes plus 15 after, 60 minutes' notice, 60 days ahead. */
    private static List<Terms> services(Connection db, long agency) throws SQLException {
        Object[][] rows = {
                {"BENCH-JOB", "Job matching", 45, 0, 15, 60, 60},
                {"BENCH-CAREER", "Career coaching", 60, 0, 15, 120, 45},
                {"BENCH-CV", "Resume clinic", 30, 0, 0, 60, 30},
                {"BENCH-SKILLS", "Skills upgrading", 30, 5, 5, 240, 60},
                {"BENCH-FAIR", "Job fair briefing", 90, 15, 15, 1440, 60},
        };
        List<Terms> services = new ArrayList<>();
        try (PreparedStatement modes = db.prepareStatement(
                "INSERT INTO service_mode (service_id, mode) VALUES (?, ?)")) {
            for (Object[] row : rows) {
                long id = insert(db, String.format(Locale.ROOT,
                        "INSERT INTO service (agency_id, code, name_en, name_zh, name_ms, name_ta, duration_minutes, "
                                + "buffer_before_minutes, buffer_after_minutes, min_notice_minutes, horizon_days) "
                                + "VALUES (%d, '%s', '%s', '%<s', '%<s', '%<s', %d, %d, %d, %d, %d)",
                        agency, row[0], row[1], row[2], row[3], row[4], row[5], row[6]));
                for (String mode : List.of("IN_PERSON", "VIDEO_AT_SSO", "VIDEO_REMOTE")) {
                    modes.setLong(1, id);
                    modes.setString(2, mode);
                    modes.addBatch();
                }
                services.add(new Terms(id, (int) row[3], (int) row[2], (int) row[4]));
            }
            modes.executeBatch();
        }
        return List.copyOf(services);
    }

    private static List<Advisor> advisors(Connection db, Random random, long agency, List<Office> offices,
                                          List<Terms> services, LocalDate today) throws SQLException {
        List<Advisor> advisors = new ArrayList<>();
        LocalDate validFrom = today.minusYears(2);
        try (PreparedStatement languages = db.prepareStatement(
                "INSERT INTO advisor_language (advisor_id, language) VALUES (?, ?)");
             PreparedStatement offers = db.prepareStatement(
                     "INSERT INTO advisor_service (advisor_id, service_id) VALUES (?, ?)");
             PreparedStatement rule = db.prepareStatement("INSERT INTO availability_rule (advisor_id, rrule, "
                     + "start_time, end_time, valid_from, valid_until, office_id) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                     Statement.RETURN_GENERATED_KEYS);
             PreparedStatement ruleModes = db.prepareStatement(
                     "INSERT INTO availability_rule_mode (rule_id, mode) VALUES (?, ?)")) {
            for (int i = 0; i < ADVISORS; i++) {
                Office office = offices.get(i % offices.size());
                long id = insert(db, "INSERT INTO advisor (agency_id, display_name, email) VALUES (" + agency
                        + ", 'Bench Advisor " + (i + 1) + "', 'advisor" + (i + 1) + "@bench.example.org')");
                List<Terms> offered = new ArrayList<>();
                if (random.nextDouble() < 0.3) {
                    offered.add(services.get(0));
                }
                offered.add(services.get(1 + random.nextInt(services.size() - 1)));
                for (Terms service : offered) {
                    offers.setLong(1, id);
                    offers.setLong(2, service.id());
                    offers.addBatch();
                }
                for (String language : List.of("EN", SECOND_LANGUAGES.get(random.nextInt(SECOND_LANGUAGES.size())))) {
                    languages.setLong(1, id);
                    languages.setString(2, language);
                    languages.addBatch();
                }
                List<DayOfWeek> days = new ArrayList<>(WEEKDAYS);
                Collections.shuffle(days, random);
                Set<DayOfWeek> inPerson = EnumSet.copyOf(days.subList(0, 2));
                addRule(rule, ruleModes, id, inPerson, "09:00", "12:30", validFrom, office.id(), "IN_PERSON");
                addRule(rule, ruleModes, id, EnumSet.copyOf(WEEKDAYS), "14:00", "17:00", validFrom, null,
                        "VIDEO_AT_SSO", "VIDEO_REMOTE");
                advisors.add(new Advisor(id, office, inPerson, List.copyOf(offered)));
            }
            offers.executeBatch();
            languages.executeBatch();
            ruleModes.executeBatch();
        }
        return List.copyOf(advisors);
    }

    private static void addRule(PreparedStatement rule, PreparedStatement ruleModes, long advisor,
                                Set<DayOfWeek> days, String start, String end, LocalDate validFrom, Long office,
                                String... modes) throws SQLException {
        rule.setLong(1, advisor);
        rule.setString(2, "FREQ=WEEKLY;BYDAY=" + days.stream().map(d -> d.name().substring(0, 2))
                .collect(Collectors.joining(",")));
        rule.setString(3, start + ":00");
        rule.setString(4, end + ":00");
        rule.setObject(5, validFrom);
        if (office == null) {
            rule.setNull(6, Types.BIGINT);
        } else {
            rule.setLong(6, office);
        }
        rule.executeUpdate();
        long id = generatedKey(rule);
        for (String mode : modes) {
            ruleModes.setLong(1, id);
            ruleModes.setString(2, mode);
            ruleModes.addBatch();
        }
    }

    private static long insert(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.executeUpdate(sql, Statement.RETURN_GENERATED_KEYS);
            return generatedKey(statement);
        }
    }

    private static long generatedKey(Statement statement) throws SQLException {
        try (var keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new IllegalStateException("no generated key");
            }
            return keys.getLong(1);
        }
    }
}
