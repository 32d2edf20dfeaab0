package sg.linkup.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sg.linkup.client.entity.Client;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.AgencyDomain;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.OpeningHours;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.directory.entity.Room;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;

class DemoCatalogueTest {

    private static final DemoCatalogue DEMO = DemoCatalogue.build(DemoDataLoader.SEED);

    @Test
    void twentyFourOfficesEachWithAVideoRoom() {
        assertEquals(24, DEMO.offices().size());
        Map<Office, List<Room>> roomsByOffice = DEMO.rooms().stream()
                .collect(Collectors.groupingBy(Room::office));
        for (Office office : DEMO.offices()) {
            assertTrue(office.name().startsWith("SSO@"), office.name());
            assertTrue(office.postalCode().matches("\\d{6}"), office.code());
            List<Room> rooms = roomsByOffice.getOrDefault(office, List.of());
            assertTrue(rooms.size() >= 2 && rooms.size() <= 4, office.code() + " has " + rooms.size() + " rooms");
            assertTrue(rooms.stream().anyMatch(r -> r.kind() == RoomKind.VIDEO_ROOM), office.code() + " has no video room");
            assertEquals(rooms.size(), rooms.stream().map(Room::name).distinct().count(), "room names repeat in " + office.code());
        }
        assertEquals(DEMO.offices().size(), roomsByOffice.size(), "a room belongs to an office outside the catalogue");
    }

    @Test
    void officesOpenWeekdaysHalfPastEightToHalfPastFiveAndSomeOnSaturdayMorning() {
        int saturdayOffices = 0;
        for (Office office : DEMO.offices()) {
            for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
                List<OpeningHours> hours = office.openingHours().stream().filter(h -> h.day() == day).toList();
                assertEquals(1, hours.size(), office.code() + " on " + day);
                assertEquals(LocalTime.of(8, 30), hours.get(0).opens());
                assertEquals(LocalTime.of(17, 30), hours.get(0).closes());
            }
            assertTrue(office.openingHours().stream().noneMatch(h -> h.day() == DayOfWeek.SUNDAY));
            var saturday = office.openingHours().stream().filter(h -> h.day() == DayOfWeek.SATURDAY).toList();
            if (!saturday.isEmpty()) {
                saturdayOffices++;
                assertEquals(LocalTime.of(12, 30), saturday.get(0).closes());
            }
        }
        assertTrue(saturdayOffices >= 2 && saturdayOffices <= 6, saturdayOffices + " offices open on Saturday");
    }

    @Test
    void everyAgencyDomainIsCovered() {
        assertTrue(DEMO.agencies().size() >= 8, DEMO.agencies().size() + " agencies");
        Set<AgencyDomain> covered = DEMO.agencies().stream().map(PartnerAgency::domain)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AgencyDomain.class)));
        assertEquals(EnumSet.allOf(AgencyDomain.class), covered);
        DEMO.agencies().stream().filter(a -> a.domain().alwaysSensitive())
                .forEach(a -> assertTrue(a.isSensitive(), a.code() + " must be sensitive"));
    }

    @Test
    void everyServiceHasFourLanguageNamesAndAllowedModes() {
        Map<PartnerAgency, Long> servicesPerAgency = DEMO.services().stream()
                .collect(Collectors.groupingBy(Service::agency, Collectors.counting()));
        for (PartnerAgency agency : DEMO.agencies()) {
            long count = servicesPerAgency.getOrDefault(agency, 0L);
            assertTrue(count >= 2 && count <= 3, agency.code() + " offers " + count + " services");
        }
        for (Service service : DEMO.services()) {
            var name = service.name();
            assertEquals(4, EnumSet.allOf(Language.class).stream().map(name::in).distinct().count(),
                    service.code() + " repeats a name across languages");
            assertTrue(name.in(Language.ZH).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), service.code() + " Chinese name");
            assertTrue(name.in(Language.TA).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.TAMIL), service.code() + " Tamil name");

            var terms = service.terms();
            assertTrue(Set.of(30, 45, 60).contains(terms.durationMinutes()), service.code());
            assertTrue(terms.allowedModes().containsAll(Set.of(SessionMode.IN_PERSON, SessionMode.VIDEO_AT_SSO)),
                    service.code());
            boolean legal = service.agency().domain() == AgencyDomain.LEGAL;
            assertEquals(!legal, terms.allowedModes().contains(SessionMode.VIDEO_REMOTE), service.code());
            assertTrue(terms.bufferBeforeMinutes() <= 15 && terms.bufferAfterMinutes() <= 15, service.code());
            assertTrue(terms.minNoticeMinutes() >= 60 && terms.minNoticeMinutes() <= 1440, service.code());
            assertTrue(terms.horizonDays() >= 30 && terms.horizonDays() <= 90, service.code());
        }
    }

    @Test
    void advisorsOfferOnlyTheirOwnAgencysServices() {
        int size = DEMO.advisors().size();
        assertTrue(size >= 55 && size <= 65, size + " advisors");
        Set<Service> offered = new HashSet<>();
        for (Advisor advisor : DEMO.advisors()) {
            assertTrue(advisor.services().size() >= 1 && advisor.services().size() <= 3, advisor.email());
            advisor.services().forEach(s -> assertSame(advisor.agency(), s.agency(), advisor.email() + " offers " + s.code()));
            assertTrue(advisor.languages().size() >= 1 && advisor.languages().size() <= 3, advisor.email());
            offered.addAll(advisor.services());
        }
        assertEquals(new HashSet<>(DEMO.services()), offered, "some service has no advisor");
        long englishSpeakers = DEMO.advisors().stream().filter(a -> a.speaks(Language.EN)).count();
        assertTrue(englishSpeakers >= size * 0.8, englishSpeakers + " of " + size + " advisors speak English");
    }

    @Test
    void clientsHaveValidSingaporeMobiles() {
        List<Client> clients = DEMO.clients();
        assertEquals(200, clients.size());
        for (Client client : clients) {
            String e164 = client.mobile().e164();
            assertTrue(e164.matches("\\+65[89]\\d{7}"), "not a Singapore mobile: " + client.mobile());
            assertEquals(client.mobile(), PhoneNumber.parse(e164));
            assertFalse(client.name().isBlank());
        }
        assertEquals(clients.size(), clients.stream().map(c -> c.mobile().e164()).distinct().count(), "duplicate mobile");
        assertTrue(clients.stream().filter(Client::smsConsent).count() >= 150, "most clients consent to SMS");
        assertTrue(clients.stream().filter(c -> c.partialNric() != null).count() >= 140, "most clients have a partial NRIC");
        assertTrue(clients.stream().anyMatch(c -> c.email() != null) && clients.stream().anyMatch(c -> c.email() == null));
        assertEquals(EnumSet.allOf(Language.class), clients.stream().map(Client::preferredLanguage)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Language.class))));
    }

    @Test
    void codesAndEmailsAreUnique() {
        assertUniqueCodes(DEMO.offices(), Office::code, 20);
        assertUniqueCodes(DEMO.agencies(), PartnerAgency::code, 20);
        assertUniqueCodes(DEMO.services(), Service::code, 30);
        List<String> emails = DEMO.advisors().stream().map(Advisor::email).toList();
        assertEquals(emails.size(), Set.copyOf(emails).size(), "duplicate advisor email");
        emails.forEach(e -> assertTrue(e.matches("[a-z0-9.]+@[a-z0-9.-]+\\.example\\.sg"), e));
    }

    private static <T> void assertUniqueCodes(List<T> items, Function<T, String> code, int maxLength) {
        List<String> codes = items.stream().map(code).toList();
        assertEquals(codes.size(), Set.copyOf(codes).size(), "duplicate code in " + codes);
        codes.forEach(c -> assertTrue(c.length() <= maxLength && c.matches("[A-Z0-9_-]+"), c));
    }

    @Test
    void sameSeedSameCatalogue() {
        assertEquals(fingerprint(DEMO), fingerprint(DemoCatalogue.build(DemoDataLoader.SEED)));
        assertNotEquals(fingerprint(DEMO), fingerprint(DemoCatalogue.build(DemoDataLoader.SEED + 1)));
    }

    private static List<String> fingerprint(DemoCatalogue demo) {
        List<String> lines = new ArrayList<>();
        demo.rooms().forEach(r -> lines.add(r.office().code() + "/" + r.name() + "/" + r.kind()));
        demo.services().forEach(s -> lines.add(s.code() + "/" + s.terms()));
        demo.advisors().forEach(a -> lines.add(a.displayName() + "/" + a.email() + "/"
                + a.languages().stream().sorted().toList() + "/"
                + a.services().stream().map(Service::code).sorted().toList()));
        demo.clients().forEach(c -> lines.add(c.name() + "/" + c.mobile().e164() + "/" + c.preferredLanguage()
                + "/" + c.email() + "/" + c.smsConsent() + "/"
                + (c.partialNric() == null ? null : c.partialNric().value()) + "/" + c.registeredAt()));
        return lines;
    }
}
