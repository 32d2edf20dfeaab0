package sg.linkup.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import sg.linkup.client.entity.PhoneNumber;

/**
 * The sender for a developer's machine ({@code linkup.sms.provider=log}): it writes one log line per message
 * and never reaches the network. The line shows the masked number and the body's length, never the body, so a
 * dev log copied into a ticket carries no client data. No delivery report will follow. It keeps no record of
 * what it "sent" (the node that logged it may be gone), so it never finds a text: a message taken over from a dead
 * node is logged once more.
 */
@ApplicationScoped
@SmsProvider(LoggingSms.NAME)
public class LoggingSms implements SmsSender {

    static final String NAME = "log";
    private static final Logger LOG = Logger.getLogger(LoggingSms.class.getName());

    @Override
    public Receipt send(Sms sms) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String id = "LOG" + HexFormat.of().formatHex(random);
        int length = sms.body() == null ? 0 : sms.body().codePointCount(0, sms.body().length());
        LOG.info(() -> "SMS " + id + " to " + PhoneNumber.masked(sms.to()) + ": " + length + " characters"
                + (sms.statusCallback() == null ? "" : ", status callback requested"));
        return new Receipt(id, "queued");
    }

    @Override
    public Optional<String> findSent(String to, String body, Instant since) {
        LOG.info(() -> "SMS lookup for " + PhoneNumber.masked(to) + ": nothing is kept, so nothing is found");
        return Optional.empty();
    }
}
