package sg.linkup.notification.sms.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignaturesTest {

    // The worked example of Twilio's "Webhooks security" page (https://www.twilio.com/docs/usage/security).
    static final String DOCS_TOKEN = "12345";
    static final String DOCS_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    static final Map<String, String> DOCS_PARAMS = Map.of(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030",
            "Digits", "1234",
            "From", "+12349013030",
            "To", "+18005551212");
    static final String DOCS_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    final TwilioSignatures signatures = new TwilioSignatures(DOCS_TOKEN);

    @Test
    void twiliosDocumentedExampleIsValid() {
        assertTrue(signatures.isValid(DOCS_URL, DOCS_PARAMS, DOCS_SIGNATURE));
    }

    @Test
    void theFakesSignatureFollowsTheDocumentedAlgorithm() {
        assertEquals(DOCS_SIGNATURE, FakeTwilio.signature(DOCS_TOKEN, DOCS_URL, DOCS_PARAMS));
    }

    @Test
    void aMissingOrBlankSignatureIsNotValid() {
        assertFalse(signatures.isValid(DOCS_URL, DOCS_PARAMS, null));
        assertFalse(signatures.isValid(DOCS_URL, DOCS_PARAMS, ""));
        assertFalse(signatures.isValid(DOCS_URL, DOCS_PARAMS, "  "));
    }

    @Test
    void aForgedSignatureIsNotValid() {
        assertFalse(signatures.isValid(DOCS_URL, DOCS_PARAMS, "1/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        assertFalse(signatures.isValid(DOCS_URL, DOCS_PARAMS, FakeTwilio.signature("other", DOCS_URL, DOCS_PARAMS)));
    }

    @Test
    void aTamperedParameterIsNotValid() {
        Map<String, String> tampered = new HashMap<>(DOCS_PARAMS);
        tampered.put("Digits", "9999");
        assertFalse(signatures.isValid(DOCS_URL, tampered, DOCS_SIGNATURE));
    }

    @Test
    void anAddedOrRemovedParameterIsNotValid() {
        Map<String, String> added = new HashMap<>(DOCS_PARAMS);
        added.put("Body", "STOP");
        assertFalse(signatures.isValid(DOCS_URL, added, DOCS_SIGNATURE));
        Map<String, String> removed = new HashMap<>(DOCS_PARAMS);
        removed.remove("Digits");
        assertFalse(signatures.isValid(DOCS_URL, removed, DOCS_SIGNATURE));
    }

    @Test
    void anotherUrlOrQueryIsNotValid() {
        assertFalse(signatures.isValid("https://mycompany.com/myapp.php?foo=1&bar=3", DOCS_PARAMS, DOCS_SIGNATURE));
        assertFalse(signatures.isValid("http://mycompany.com/myapp.php?foo=1&bar=2", DOCS_PARAMS, DOCS_SIGNATURE));
    }

    @Test
    void theDefaultPortMayBeWrittenOrNot() {
        String withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2";
        assertTrue(signatures.isValid(withPort, DOCS_PARAMS, DOCS_SIGNATURE),
                "Twilio signs with or without the port; the SDK accepts both");
    }

    @Test
    void withoutAnAuthTokenNothingIsValid() {
        TwilioSignatures unconfigured = new TwilioSignatures(" ");
        assertFalse(unconfigured.isValid(DOCS_URL, DOCS_PARAMS, DOCS_SIGNATURE));
    }
}
