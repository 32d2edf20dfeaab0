package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static sg.linkup.platform.InvalidInputAssertions.assertRefused;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static final List<String> PEOPLES_TEXT = List.of(
            "Siti Nurhaliza binte Abdullah",
            "陈美玲",                                  // CJK
            "职业辅导 (Career coaching)",
            "தொழில் வழிகாட்டல்",                      // Tamil, with its combining vowel signs
            "Nguyễn Văn Thành",                       // precomposed
            "Nguye\u0302\u0303n",                     // the same letters from combining marks
            "Renée O'Brien-Müller",
            "Leave 🏖️ back Monday 👍",                // emoji beyond the BMP, with a variation selector
            "👨‍👩‍👧 family day",                    // a ZWJ sequence
            "Closure 🇸🇬 National Day",               // a flag: two regional indicators
            "𠮷野家",                                  // a CJK character beyond the BMP
            "");

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void controlCharactersAreRefusedInNotesToo(int control) {
        String note = "Bring the letter" + (char) control + " from HDB";

        assertRefused("note", () -> Text.multiLine("note", note));
        assertRefused("name", () -> Text.singleLine("name", note));
    }

    @Test
    void everyC0ControlAndDeleteIsRefusedInANameEvenTabAndLineBreaks() {
        IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.of(0x7F)).forEach(control ->
                assertRefused("name", () -> Text.singleLine("name", "Tan" + (char) control + "Ah Kow")));
    }

    @Test
    void everyC0ControlButTabAndLineBreaksAndDeleteIsRefusedInANote() {
        IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.of(0x7F))
                .filter(c -> c != '\t' && c != '\n' && c != '\r')
                .forEach(control ->
                        assertRefused("note", () -> Text.multiLine("note", "Call back" + (char) control)));
    }

    @Test
    void aNoteKeepsItsTabsAndLines() {
        String note = "Referred by SSO@Tampines:\r\n\t- rent arrears\n\t- needs a Tamil speaker";

        assertEquals(note, Text.multiLine("note", note));
    }

    @Test
    void unicodeLineAndParagraphSeparatorsBreakASingleLine() {
        assertRefused("reason", () -> Text.singleLine("reason", "Staff\u2028retreat"));
        assertRefused("reason", () -> Text.singleLine("reason", "Staff\u2029retreat"));
    }

    @Test
    void aLoneHighSurrogateIsRefused() {
        assertRefused("name", () -> Text.singleLine("name", "Tan \uD83D Ah Kow"));
        assertRefused("name", () -> Text.singleLine("name", "Tan Ah Kow\uD83D"));
        assertRefused("note", () -> Text.multiLine("note", "\uD83D\uD83D\uDE00"));
    }

    @Test
    void aLoneLowSurrogateIsRefused() {
        assertRefused("name", () -> Text.singleLine("name", "\uDE00Tan Ah Kow"));
        assertRefused("note", () -> Text.multiLine("note", "back to front \uDE00\uD83D"));
    }

    @Test
    void peoplesNamesInEveryScriptAreAcceptedAsTyped() {
        for (String text : PEOPLES_TEXT) {
            assertEquals(text, Text.singleLine("name", text), text);
            assertEquals(text, Text.multiLine("note", text), text);
        }
    }

    @Test
    void noTextAtAllIsLeftToTheFieldsOwnRules() {
        assertNull(Text.singleLine("email", null));
        assertNull(Text.multiLine("referralNote", null));
    }

    @Test
    void theRefusalNamesTheCharacterButNeverEchoesTheText() {
        InvalidInput refused = assertRefused("name",
                () -> Text.singleLine("name", "Siti \uD83D\uDE00 binte\u0000Abdullah"));

        String message = refused.violations().get(0).message();
        assertEquals("contains a control character (U+0000 at character 13)", message);
        assertFalse(message.contains("Siti"), message);
    }
}
