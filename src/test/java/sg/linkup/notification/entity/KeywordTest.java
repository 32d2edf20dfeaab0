package sg.linkup.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "YES|YES", "yes|YES", "Yes.|YES", "  y  |YES", "Y!|YES", "yes I will come|YES",
        "C|CANCEL", "c|CANCEL", "Cancel|CANCEL", "CANCEL please|CANCEL",
        "STOP|STOP", "stop|STOP", "Unsubscribe|STOP", "stopall|STOP",
        "START|START", "start|START", "unstop|START",
        "hello|OTHER", "ok|OTHER", "confirm|OTHER", "yesterday|OTHER", "cancelled?|OTHER", "是|OTHER", "''|OTHER"})
    void theFirstWordDecides(String text, Keyword expected) {
        assertEquals(expected, Keyword.of(text));
    }

    @org.junit.jupiter.api.Test
    void noTextIsNoKeyword() {
        assertEquals(Keyword.OTHER, Keyword.of(null));
    }
}
