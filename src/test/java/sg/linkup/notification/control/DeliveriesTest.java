package sg.linkup.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import sg.linkup.client.entity.Client;

class DeliveriesTest {

    @Test
    void onlyCodesAboutTheNumberItselfFlagTheClient() {
        assertEquals(Client.SmsProblem.INVALID_NUMBER, Deliveries.NUMBER_PROBLEMS.get("30006"));
        assertEquals(Client.SmsProblem.INVALID_NUMBER, Deliveries.NUMBER_PROBLEMS.get("30005"));
        assertEquals(Client.SmsProblem.UNSUBSCRIBED, Deliveries.NUMBER_PROBLEMS.get("21610"));
        assertFalse(Deliveries.NUMBER_PROBLEMS.containsKey("30003"), "a phone switched off is no bad number");
        assertFalse(Deliveries.NUMBER_PROBLEMS.containsKey("30007"), "carrier filtering is no bad number");
    }
}
