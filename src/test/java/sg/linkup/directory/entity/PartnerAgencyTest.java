package sg.linkup.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.directory.entity.DirectoryFixtures.TAMPINES;
import static sg.linkup.directory.entity.DirectoryFixtures.agency;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PartnerAgencyTest {

    @ParameterizedTest
    @EnumSource(names = {"LEGAL", "FAMILY"})
    void legalAndFamilyAgenciesAreSensitiveByDefault(AgencyDomain domain) {
        assertTrue(agency("CLINIC", domain).isSensitive());
    }

    @ParameterizedTest
    @EnumSource(names = {"LEGAL", "FAMILY"})
    void legalAndFamilyAgenciesCannotBeMadeNonSensitive(AgencyDomain domain) {
        assertRefused("sensitive",
                () -> new PartnerAgency("CLINIC", "Clinic", domain, false, "1 Example Road", TAMPINES));
    }

    @Test
    void describingALegalAgencyAsNonSensitiveIsRefusedAndChangesNothing() {
        PartnerAgency clinic = agency("CLINIC", AgencyDomain.LEGAL);

        assertRefused("sensitive",
                () -> clinic.describe("OTHER", "Other", AgencyDomain.LEGAL, false, "2 Example Road", TAMPINES));

        assertTrue(clinic.isSensitive());
        assertEquals("CLINIC", clinic.code());
    }

    @Test
    void employmentAgencyIsNotSensitiveByDefault() {
        assertFalse(agency("WSG", AgencyDomain.EMPLOYMENT).isSensitive());
    }

    @Test
    void employmentAgencyMayBeMarkedSensitive() {
        PartnerAgency agency = new PartnerAgency("WSG", "Workforce Singapore", AgencyDomain.EMPLOYMENT, true,
                "1 Example Road", TAMPINES);

        assertTrue(agency.isSensitive());
    }

    @Test
    void codeIsTrimmedAndUpperCased() {
        assertEquals("E2I", agency(" e2i ", AgencyDomain.EMPLOYMENT).code());
    }
}
