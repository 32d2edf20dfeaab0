package sg.linkup.notification.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import sg.linkup.notification.sms.SmsSender.Receipt;
import sg.linkup.notification.sms.SmsSender.Sms;

class LoggingSmsTest {

    @Test
    void aMessageIsOneLogLineWithTheMaskedNumberAndTheLengthButNotTheBody() {
        List<String> lines = new ArrayList<>();
        Logger logger = Logger.getLogger(LoggingSms.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            Receipt receipt = new LoggingSms().send(new Sms("+6591234567", "Reply C to cancel", null));

            assertTrue(receipt.providerId().matches("LOG[0-9a-f]{32}"), receipt.providerId());
            assertEquals("queued", receipt.status());
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.contains("+65 ****4567"), line);
        assertTrue(line.contains("17 characters"), line);
        assertFalse(line.contains("91234567"), line);
        assertFalse(line.contains("cancel"), line);
    }

    @Test
    void eachMessageGetsItsOwnId() {
        var sender = new LoggingSms();
        Logger.getLogger(LoggingSms.class.getName()).setLevel(Level.WARNING);
        try {
            assertNotEquals(sender.send(new Sms("+6591234567", "a", null)).providerId(),
                    sender.send(new Sms("+6591234567", "a", null)).providerId());
        } finally {
            Logger.getLogger(LoggingSms.class.getName()).setLevel(null);
        }
    }

    @Test
    void itKeepsNothingSoItNeverFindsAText() {
        LoggingSms sms = new LoggingSms();
        sms.send(new Sms("+6591234567", "Linkup: hello", null));
        assertTrue(sms.findSent("+6591234567", "Linkup: hello", java.time.Instant.EPOCH).isEmpty());
    }
}
