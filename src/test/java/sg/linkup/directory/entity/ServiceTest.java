package sg.linkup.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.directory.entity.DirectoryFixtures.TAMPINES;
import static sg.linkup.directory.entity.DirectoryFixtures.agency;
import static sg.linkup.directory.entity.DirectoryFixtures.name;
import static sg.linkup.directory.entity.DirectoryFixtures.terms;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTest {

    private static final Set<SessionMode> IN_PERSON = Set.of(SessionMode.IN_PERSON);

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 7, 44})
    void durationMustBeAPositiveMultipleOfFiveMinutes(int minutes) {
        assertRefused("durationMinutes", () -> new Service.Terms(minutes, IN_PERSON, 0, 0, 0, 30));
    }

    @Test
    void atLeastOneModeIsRequired() {
        assertRefused("allowedModes", () -> new Service.Terms(45, Set.of(), 0, 0, 0, 30));
        assertRefused("allowedModes", () -> new Service.Terms(45, null, 0, 0, 0, 30));
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, 3})
    void bufferBeforeMustBeZeroOrAMultipleOfFiveMinutes(int minutes) {
        assertRefused("bufferBeforeMinutes", () -> new Service.Terms(45, IN_PERSON, minutes, 0, 0, 30));
    }

    @ParameterizedTest
    @ValueSource(ints = {-5, 3})
    void bufferAfterMustBeZeroOrAMultipleOfFiveMinutes(int minutes) {
        assertRefused("bufferAfterMinutes", () -> new Service.Terms(45, IN_PERSON, 0, minutes, 0, 30));
    }

    @Test
    void minimumNoticeMustNotBeNegative() {
        assertRefused("minNoticeMinutes", () -> new Service.Terms(45, IN_PERSON, 0, 0, -1, 30));
    }

    @Test
    void horizonMustBeAtLeastOneDay() {
        assertRefused("horizonDays", () -> new Service.Terms(45, IN_PERSON, 0, 0, 0, 0));
    }

    @Test
    void minimumNoticeThatReachesTheHorizonIsRefused() {
        assertRefused("minNoticeMinutes", () -> new Service.Terms(45, IN_PERSON, 0, 0, 24 * 60, 1));
        assertRefused("minNoticeMinutes", () -> new Service.Terms(45, IN_PERSON, 0, 0, 3 * 24 * 60, 2));
    }

    @Test
    void minimumNoticeJustShortOfTheHorizonIsAccepted() {
        Service.Terms terms = new Service.Terms(45, IN_PERSON, 10, 5, 24 * 60 - 5, 1);

        assertEquals(24 * 60 - 5, terms.minNoticeMinutes());
        assertEquals(10, terms.bufferBeforeMinutes());
        assertEquals(5, terms.bufferAfterMinutes());
    }

    @Test
    void termsKeepTheirOwnCopyOfTheModes() {
        Set<SessionMode> modes = EnumSet.of(SessionMode.IN_PERSON);
        Service.Terms terms = new Service.Terms(45, modes, 0, 0, 0, 30);

        modes.add(SessionMode.VIDEO_REMOTE);

        assertEquals(Set.of(SessionMode.IN_PERSON), terms.allowedModes());
    }

    @Test
    void serviceAllowsOnlyItsOwnModes() {
        Service service = new Service(agency("WSG", AgencyDomain.EMPLOYMENT), "CAREER",
                name("Career coaching"), terms(SessionMode.IN_PERSON, SessionMode.VIDEO_AT_SSO));

        assertTrue(service.allows(SessionMode.IN_PERSON));
        assertTrue(service.allows(SessionMode.VIDEO_AT_SSO));
        assertFalse(service.allows(SessionMode.VIDEO_REMOTE));
    }

    @Test
    void serviceTakesItsTermsAndUpperCasedCode() {
        Service service = new Service(agency("WSG", AgencyDomain.EMPLOYMENT), " career-coaching ",
                name("Career coaching"), new Service.Terms(60, IN_PERSON, 5, 10, 120, 14));

        assertEquals("CAREER-COACHING", service.code());
        assertEquals(Duration.ofMinutes(60), service.duration());
        assertEquals(new Service.Terms(60, IN_PERSON, 5, 10, 120, 14), service.terms());
    }

    @Test
    void legalAgencysServiceIsNeverNamedToClients() {
        Service service = new Service(agency("CLINIC", AgencyDomain.LEGAL), "WILLS", name("Wills"),
                terms(SessionMode.IN_PERSON));

        assertFalse(service.mayBeNamedToClients());
    }

    @Test
    void employmentAgencysServiceMayBeNamedToClients() {
        Service service = new Service(agency("WSG", AgencyDomain.EMPLOYMENT), "CAREER", name("Career coaching"),
                terms(SessionMode.IN_PERSON));

        assertTrue(service.mayBeNamedToClients());
    }

    @Test
    void serviceOfAnAgencyMarkedSensitiveIsNotNamedToClients() {
        PartnerAgency agency = new PartnerAgency("WSG", "Workforce Singapore", AgencyDomain.EMPLOYMENT, true,
                "1 Example Road", TAMPINES);
        Service service = new Service(agency, "CAREER", name("Career coaching"), terms(SessionMode.IN_PERSON));

        assertFalse(service.mayBeNamedToClients());
    }

    @Test
    void everyLanguageNeedsAName() {
        assertRefused("name.ta", () -> new ServiceName("Wills", "遗嘱", "Wasiat", " "));
    }

    @Test
    void aNameWithAControlCharacterIsRefusedInItsLanguage() {
        assertRefused("name.zh", () -> new ServiceName("Wills", "遗\u0000嘱", "Wasiat", "உயில்"));
        assertEquals("உயில்", new ServiceName("Wills", "遗嘱", "Wasiat", "உயில்").in(Language.TA));
    }
}
