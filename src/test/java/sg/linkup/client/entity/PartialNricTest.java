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

class PartialNricTest {

    @ParameterizedTest
    @ValueSource(strings = {"567D", " 567d ", "567d"})
    void lastThreeDigitsAndLetterAreKeptInUpperCase(String typed) {
        assertEquals("567D", PartialNric.parse(typed).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"S1234567D", "T0123456A", "G1234567X", "F1234567N", "M1234567K", "1234567D",
            "s1234567d", " S 1234 567D "})
    void fullNricOrFinIsRefusedWithoutEchoingItsDigits(String typed) {
        InvalidInput refusal = assertRefused("partialNric", () -> PartialNric.parse(typed));

        String message = refusal.getMessage() + " | " + refusal.violations().get(0).message();
        assertTrue(message.contains("full NRIC"), message);
        assertFalse(message.matches("(?s).*\\d{4,}.*"), "message repeats a run of digits: " + message);
        assertFalse(message.toUpperCase().contains(typed.strip().toUpperCase()), message);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"56D", "5678D", "ABCD", "", "567", "D567", "12345678D"})
    void anythingButThreeDigitsAndALetterIsRefused(String typed) {
        InvalidInput refusal = assertRefused("partialNric", () -> PartialNric.parse(typed));

        assertFalse(refusal.getMessage().contains("full NRIC"), refusal.getMessage());
    }

    @Test
    void textFormHidesTheDigits() {
        assertEquals("***D", PartialNric.parse("567D").toString());
    }

    @Test
    void equalWhenTheSameDigitsAndLetter() {
        assertEquals(PartialNric.parse("567D"), PartialNric.parse(" 567d "));
        assertEquals(PartialNric.parse("567D").hashCode(), PartialNric.parse("567d").hashCode());
        assertNotEquals(PartialNric.parse("567D"), PartialNric.parse("568D"));
    }
}
