package sg.linkup.client.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import sg.linkup.platform.InvalidInput;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9123 4567", "+65 9123-4567", "+6591234567", "91234567", " 9123 4567 "})
    void singaporeMobileTypedInACommonFormIsKeptInE164(String typed) {
        assertEquals("+6591234567", PhoneNumber.parse(typed).e164());
    }

    @Test
    void singaporeLandlineIsRefusedAsNotAMobile() {
        InvalidInput refusal = assertRefused("mobile", () -> PhoneNumber.parse("6123 4567"));
        assertTrue(refusal.violations().get(0).message().contains("mobile"), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "12", "+65 9123", "9123 4567 8901 2345", "+999 1234 5678"})
    void somethingThatIsNotAPhoneNumberIsRefused(String typed) {
        assertRefused("mobile", () -> PhoneNumber.parse(typed));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void missingNumberIsRefused(String typed) {
        assertRefused("mobile", () -> PhoneNumber.parse(typed));
    }

    @Test
    void foreignMobileIsAcceptedInE164() {
        PhoneNumber malaysian = PhoneNumber.parse("+60 12-345 6789");

        assertEquals("+60123456789", malaysian.e164());
        assertEquals("+60 ****6789", malaysian.masked());
    }

    @Test
    void maskedNumberShowsOnlyCountryCodeAndLastFourDigits() {
        PhoneNumber number = PhoneNumber.parse("9123 4567");

        assertEquals("+65 ****4567", number.masked());
        assertEquals("+65 ****4567", number.toString());
    }

    @Test
    void anyNumberInATextIsMaskedTheSameWay() {
        assertEquals("+65 ****4567", PhoneNumber.masked("+6591234567"));
        assertEquals("+44 ****0123", PhoneNumber.masked("+447700900123"));
        assertEquals("+1 ****0123", PhoneNumber.masked("+14155550123"), "a one-digit country code shows no more");
        assertEquals("+852 ****5678", PhoneNumber.masked("+85212345678"));
        assertEquals("****4567", PhoneNumber.masked("91234567"), "a local number shows only its last four digits");
        assertEquals("****0123", PhoneNumber.masked("+9991234560123"), "no such country code: shown as local");
        assertEquals("****", PhoneNumber.masked("+6512"));
        assertEquals("****", PhoneNumber.masked(null));
        assertEquals(PhoneNumber.parse("9123 4567").masked(), PhoneNumber.masked("+6591234567"));
    }

    @Test
    void fullNumberNeverAppearsInItsTextForm() {
        PhoneNumber number = PhoneNumber.parse("9123 4567");

        assertFalse(number.toString().contains("91234567"), number.toString());
        assertFalse(number.toString().contains("9123"), number.toString());
        assertFalse(String.valueOf(number).contains(number.e164()));
    }

    @Test
    void numbersTypedDifferentlyAreEqualWhenTheirE164IsTheSame() {
        PhoneNumber typedLocally = PhoneNumber.parse("9123 4567");
        PhoneNumber typedInternationally = PhoneNumber.parse("+65 9123-4567");

        assertEquals(typedLocally, typedInternationally);
        assertEquals(typedLocally.hashCode(), typedInternationally.hashCode());
        assertNotEquals(typedLocally, PhoneNumber.parse("9123 4568"));
    }

    @Test
    void storedE164ReadsBackAsTheSameNumber() {
        PhoneNumber number = PhoneNumber.parse("9123 4567");

        assertEquals(number, PhoneNumber.ofE164(number.e164()));
    }

    @Test
    void storedLandlineIsStillRefusedWhenReadBack() {
        assertRefused("mobile", () -> PhoneNumber.ofE164("+6561234567"));
    }
}
