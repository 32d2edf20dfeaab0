package sg.linkup.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.directory.entity.DirectoryFixtures.agency;
import static sg.linkup.directory.entity.DirectoryFixtures.service;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.platform.InvalidInput;

class AdvisorTest {

    private final PartnerAgency wsg = agency("WSG", AgencyDomain.EMPLOYMENT);
    private final PartnerAgency clinic = agency("CLINIC", AgencyDomain.LEGAL);
    private final Service careerCoaching = service(wsg, "CAREER");
    private final Service jobMatching = service(wsg, "JOBMATCH");
    private final Service wills = service(clinic, "WILLS");

    @Test
    void advisorCannotOfferAnotherAgencysService() {
        InvalidInput refusal = assertRefused("serviceIds", () -> new Advisor(wsg, "Tan Wei Ming",
                "wm.tan@wsg.example.sg", Set.of(Language.EN), List.of(careerCoaching, wills)));

        assertTrue(refusal.getMessage().contains("WILLS"), refusal.getMessage());
    }

    @Test
    void reassigningAnotherAgencysServiceIsRefusedAndChangesNothing() {
        Advisor advisor = new Advisor(wsg, "Tan Wei Ming", "wm.tan@wsg.example.sg", Set.of(Language.EN),
                List.of(careerCoaching));

        assertRefused("serviceIds", () -> advisor.describe("Tan Wei Ming", "wm.tan@wsg.example.sg",
                Set.of(Language.EN), List.of(wills)));

        assertEquals(Set.of(careerCoaching), advisor.services());
    }

    @Test
    void advisorMustSpeakAtLeastOneLanguage() {
        assertRefused("languages", () -> new Advisor(wsg, "Tan Wei Ming", "wm.tan@wsg.example.sg", Set.of(),
                List.of(careerCoaching)));
        assertRefused("languages", () -> new Advisor(wsg, "Tan Wei Ming", "wm.tan@wsg.example.sg", null,
                List.of(careerCoaching)));
    }

    @Test
    void emailIsTrimmedAndLowerCased() {
        Advisor advisor = new Advisor(wsg, " Tan Wei Ming ", "  WM.Tan@WSG.example.SG ", Set.of(Language.EN),
                List.of());

        assertEquals("wm.tan@wsg.example.sg", advisor.email());
        assertEquals("Tan Wei Ming", advisor.displayName());
    }

    @Test
    void advisorOffersOnlyTheServicesGiven() {
        Advisor advisor = new Advisor(wsg, "Tan Wei Ming", "wm.tan@wsg.example.sg", Set.of(Language.EN),
                List.of(careerCoaching));

        assertTrue(advisor.offers(careerCoaching));
        assertFalse(advisor.offers(jobMatching));
        assertFalse(advisor.offers(wills));
    }

    @Test
    void advisorSpeaksOnlyTheLanguagesGiven() {
        Advisor advisor = new Advisor(wsg, "Tan Wei Ming", "wm.tan@wsg.example.sg", Set.of(Language.EN, Language.ZH),
                List.of(careerCoaching));

        assertTrue(advisor.speaks(Language.EN));
        assertTrue(advisor.speaks(Language.ZH));
        assertFalse(advisor.speaks(Language.MS));
        assertFalse(advisor.speaks(Language.TA));
    }
}
