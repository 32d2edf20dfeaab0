package sg.linkup.directory.entity;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Valid directory objects for tests, so that each test spells out only what it is about. */
final class DirectoryFixtures {

    static final Coordinates TAMPINES = new Coordinates(1.3526, 103.9447);
    static final Coordinates JURONG_EAST = new Coordinates(1.3330, 103.7436);

    private DirectoryFixtures() {
    }

    static PartnerAgency agency(String code, AgencyDomain domain) {
        return new PartnerAgency(code, code + " agency", domain, null, "1 Example Road", TAMPINES);
    }

    static ServiceName name(String english) {
        return new ServiceName(english, english + " (zh)", english + " (ms)", english + " (ta)");
    }

    static Service.Terms terms(SessionMode... modes) {
        return new Service.Terms(45, Set.of(modes), 0, 0, 60, 30);
    }

    static Service service(PartnerAgency agency, String code) {
        return new Service(agency, code, name(code), terms(SessionMode.IN_PERSON, SessionMode.VIDEO_AT_SSO));
    }

    static OpeningHours hours(DayOfWeek day, String opens, String closes) {
        return new OpeningHours(day, LocalTime.parse(opens), LocalTime.parse(closes));
    }

    static Office office(List<OpeningHours> openingHours) {
        return new Office("TAMPINES", "SSO@Tampines", "1 Tampines Walk", "528523", TAMPINES, openingHours);
    }
}
