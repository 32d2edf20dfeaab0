package sg.linkup.notification.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void anAddressKeepsItsFirstLetterAndDomainOnly() {
        assertEquals("m***@agency.example.sg", Addresses.maskedAddress("mei.ling@agency.example.sg"));
        assertEquals("***@x.example", Addresses.maskedAddress("a@x.example"), "a one-letter name is the name");
        assertEquals("***@x.example", Addresses.maskedAddress("@x.example"));
        assertEquals("n***", Addresses.maskedAddress("not an address"));
        assertNull(Addresses.maskedAddress(null));
    }

    @Test
    void everyAddressInATextIsMasked() {
        assertEquals("550 m***@agency.example.sg and k***@hdb.example.sg refused",
                Addresses.masked("550 mei.ling@agency.example.sg and kumar@hdb.example.sg refused"));
    }
}
