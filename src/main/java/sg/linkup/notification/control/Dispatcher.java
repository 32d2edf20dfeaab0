package sg.linkup.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.notification.calendar.InviteMail;
import sg.linkup.notification.sms.SmsChannel;

/**
 * Runs this node's {@link OutboxWorker} on container-managed threads, on a plain non-persistent schedule (Payara
 * Micro's persistent timers are not cluster-aware; the rows are claimed in the database instead).
 */
@Startup
@Singleton
@DependsOn("Database")
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Messages messages;

    @Inject
    Outbox outbox;

    @Inject
    SmsChannel sms;

    @Inject
    InviteMail mail;

    @Inject
    NotificationMetrics metrics;

    @Inject
    @ConfigProperty(name = "linkup.notify.poll-millis", defaultValue = "1000")
    long pollMillis;

    @Inject
    @ConfigProperty(name = "linkup.notify.batch", defaultValue = "50")
    int batch;

    @Inject
    @ConfigProperty(name = "linkup.notify.concurrency", defaultValue = "64")
    int concurrency;

    @Inject
    @ConfigProperty(name = "linkup.notify.lease-seconds", defaultValue = "120")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "linkup.notify.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "linkup.notify.backoff-seconds", defaultValue = "30")
    int backOffSeconds;

    @Inject
    @ConfigProperty(name = "linkup.notify.max-backoff-seconds", defaultValue = "3600")
    int maxBackOffSeconds;

    /** Where the provider reports delivery (e.g. https://linkup.example.gov.sg/api/webhooks/twilio/status). */
    @Inject
    @ConfigProperty(name = "linkup.sms.status-callback-url")
    Optional<String> statusCallback;

    private OutboxWorker worker;

    @PostConstruct
    void start() {
        if (pollMillis <= 0) {
            LOG.info("Notification dispatcher switched off (linkup.notify.poll-millis <= 0)");
            return;
        }
        worker = new OutboxWorker(nodeName(), messages, outbox, sms, mail, settings(), metrics);
        worker.start(threads, Duration.ofMillis(pollMillis));
        LOG.info("Notification dispatcher " + worker.node() + ": " + concurrency + " senders, batches of "
                + batch);
    }

    /** This node's settings, for workers that tests and benchmarks start beside it. */
    public OutboxWorker.Settings settings() {
        return new OutboxWorker.Settings(batch, concurrency, Duration.ofSeconds(leaseSeconds),
                new BackOff(Duration.ofSeconds(backOffSeconds), Duration.ofSeconds(maxBackOffSeconds), maxAttempts),
                statusCallback());
    }

    /** Checked at start: a malformed one would fail every text at send time instead. */
    private String statusCallback() {
        String url = statusCallback.map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // named below
        }
        throw new IllegalStateException("linkup.sms.status-callback-url must be an absolute http(s) URL, like "
                + "https://linkup.example.gov.sg/api/webhooks/twilio/status; it is " + url);
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Unique per JVM: the host name and a random suffix (two nodes may share a host). */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        byte[] random = new byte[3];
        new SecureRandom().nextBytes(random);
        String name = host + "-" + HexFormat.of().formatHex(random);
        return name.length() <= 80 ? name : name.substring(name.length() - 80);
    }
}
