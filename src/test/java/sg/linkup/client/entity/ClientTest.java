package sg.linkup.client.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import sg.linkup.directory.entity.Language;
import sg.linkup.platform.Conflict;

class ClientTest {

    private static final Instant REGISTERED = Instant.parse("2025-06-02T01:30:00Z");

    private static Client.Contact contact(String name, String email, boolean smsConsent) {
        return new Client.Contact(name, PhoneNumber.parse("9123 4567"), Language.MS, email, smsConsent,
                PartialNric.parse("567D"));
    }

    private static Client client(boolean smsConsent) {
        return new Client(contact("Siti binte Ahmad", null, smsConsent), REGISTERED);
    }

    @Test
    void activeClientWhoConsentedMayBeSentSms() {
        assertTrue(client(true).maySms());
    }

    @Test
    void clientWhoDidNotConsentIsSentNoSms() {
        assertFalse(client(false).maySms());
    }

    @Test
    void deactivatedClientIsSentNoSmsDespiteConsent() {
        Client client = client(true);

        client.deactivate();
        assertFalse(client.maySms());

        client.activate();
        assertTrue(client.maySms());
    }

    @Test
    void withdrawingConsentStopsSms() {
        Client client = client(true);

        client.update(contact("Siti binte Ahmad", null, false));

        assertFalse(client.maySms());
    }

    @Test
    void firstNameIsTheFirstWordOfTheName() {
        Client client = new Client(contact("  Siti   binte Ahmad ", null, true), REGISTERED);

        assertEquals("Siti", client.firstName());
    }

    @Test
    void singleWordNameIsItsOwnFirstName() {
        assertEquals("Kumar", new Client(contact("Kumar", null, true), REGISTERED).firstName());
    }

    @Test
    void registrationTimeIsKeptToWholeSeconds() {
        Client client = new Client(contact("Siti", null, true), Instant.parse("2025-06-02T01:30:07.891234Z"));

        assertEquals(Instant.parse("2025-06-02T01:30:07Z"), client.registeredAt());
    }

    @Test
    void blankEmailIsStoredAsNoEmail() {
        assertNull(new Client(contact("Siti", "   ", true), REGISTERED).email());
        assertNull(new Client(contact("Siti", "", true), REGISTERED).email());
    }

    @Test
    void emailIsTrimmed() {
        assertEquals("siti@example.sg", new Client(contact("Siti", "  siti@example.sg ", true), REGISTERED).email());
    }

    @Test
    void aNumberThatFailsForGoodStopsTextsUntilItIsCorrected() {
        Client client = client(true);
        client.smsFailed(Client.SmsProblem.INVALID_NUMBER, REGISTERED.plusSeconds(60));
        assertFalse(client.maySms());
        assertEquals(Client.SmsProblem.INVALID_NUMBER, client.smsProblem());

        client.update(contact("Siti binte Ahmad", null, true));
        assertFalse(client.maySms(), "the same number again is still the bad one");
        client.update(new Client.Contact("Siti binte Ahmad", PhoneNumber.parse("9876 5432"), Language.MS, null,
                true, null));
        assertTrue(client.maySms(), "a corrected number is tried again");
        assertNull(client.smsProblem());
        assertNull(client.smsProblemAt());
    }

    @Test
    void stopWithdrawsConsentAndStartGivesItBack() {
        Client client = client(true);
        client.optOutOfSms(REGISTERED.plusSeconds(60));
        assertFalse(client.smsConsent());
        assertEquals(Client.SmsProblem.OPTED_OUT, client.smsProblem());
        assertFalse(client.maySms());
        client.optInToSms();
        assertTrue(client.smsConsent());
        assertNull(client.smsProblem());
        assertTrue(client.maySms());
    }

    @Test
    void aNameWithANulCharacterIsRefused() {
        assertRefused("name", () -> new Client(contact("Siti\u0000binte Ahmad", null, true), REGISTERED));
    }

    @Test
    void aNameIsOneLine() {
        Client client = client(true);

        assertRefused("name", () -> client.update(contact("Siti\nbinte Ahmad", null, true)));
        assertEquals("Siti binte Ahmad", client.name());
    }

    @Test
    void anEmailWithHalfASurrogatePairIsRefused() {
        assertRefused("email", () -> new Client(contact("Siti", "siti\uD83D@example.sg", true), REGISTERED));
    }

    @Test
    void anonymisingRemovesWhoTheClientWasAndKeepsWhatReportsCount() {
        Client client = new Client(contact("Siti binte Ahmad", "siti@example.sg", true), REGISTERED);
        client.optOutOfSms(REGISTERED.plusSeconds(60));
        Instant now = REGISTERED.plusSeconds(3 * 365 * 86_400L);

        client.anonymise(now);

        assertNull(client.name());
        assertNull(client.firstName());
        assertNull(client.mobile());
        assertNull(client.email());
        assertNull(client.partialNric());
        assertFalse(client.smsConsent());
        assertFalse(client.isActive());
        assertFalse(client.maySms());
        assertFalse(client.hasMobile("+6591234567"));
        assertTrue(client.isAnonymised());
        assertEquals(now, client.anonymisedAt());
        assertEquals(Language.MS, client.preferredLanguage());
        assertEquals(REGISTERED, client.registeredAt());
        assertEquals(Client.SmsProblem.OPTED_OUT, client.smsProblem(), "the SMS report counts opt-outs");
    }

    @Test
    void anAnonymisedClientCannotBeChangedOrMadeActiveAgain() {
        Client client = client(true);
        client.anonymise(REGISTERED.plusSeconds(60));

        assertThrows(Conflict.class, () -> client.update(contact("Siti binte Ahmad", null, true)));
        assertThrows(Conflict.class, client::activate);
        assertNull(client.name());
        assertFalse(client.isActive());
    }

    @Test
    void anonymisingTwiceKeepsTheFirstTime() {
        Client client = client(true);
        client.anonymise(REGISTERED.plusSeconds(60));
        client.anonymise(REGISTERED.plusSeconds(120));

        assertEquals(REGISTERED.plusSeconds(60), client.anonymisedAt());
    }

    @Test
    void textsReachTheClientOnlyAtTheirOwnNumber() {
        Client client = client(true);

        assertTrue(client.hasMobile("+6591234567"));
        assertFalse(client.hasMobile("+6598765432"));
        assertFalse(client.hasMobile(null));
    }
}
