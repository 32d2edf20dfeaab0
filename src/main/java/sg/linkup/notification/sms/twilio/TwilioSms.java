package sg.linkup.notification.sms.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.notification.sms.SmsFailure;
import sg.linkup.notification.sms.SmsProvider;
import sg.linkup.notification.sms.SmsSender;
import sg.linkup.platform.Hosts;

/**
 * Sends text messages through Twilio's Programmable Messaging with the Twilio Java SDK, on a client of its own
 * (never the SDK's static {@code Twilio.init} global). Each {@link #send} is one HTTP POST: whether to try again
 * is decided by the caller from the {@link SmsFailure.Kind}, never repeated here (see {@link TwilioHttpClient}).
 * Phone numbers reach the log masked; message bodies never do.
 */
@ApplicationScoped
@SmsProvider(TwilioSms.NAME)
public class TwilioSms implements SmsSender {

    static final String NAME = "twilio";
    private static final Logger LOG = Logger.getLogger(TwilioSms.class.getName());

    // Twilio error codes that have a meaning of their own for Linkup; https://www.twilio.com/docs/api/errors
    static final int INVALID_TO = 21211;
    static final int TO_NOT_MOBILE = 21614;
    static final int UNSUBSCRIBED = 21610;
    static final int TOO_MANY_REQUESTS = 20429;
    /** The sender's queue at Twilio is full: the same message goes through once it has drained. */
    static final int QUEUE_FULL = 21611;
    /** How many of a number's newest messages one lookup reads: a client gets a handful of texts per booking. */
    static final long LOOKUP_PAGE = 100;
    /** How far Twilio's clock may be behind ours when it stamps {@code date_created}. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d{6,}");

    @Inject
    @ConfigProperty(name = "linkup.twilio.account-sid")
    Optional<String> accountSid;

    /** A secret: set only through the environment ({@code LINKUP_TWILIO_AUTH_TOKEN}), never in a file. */
    @Inject
    @ConfigProperty(name = "linkup.twilio.auth-token")
    Optional<String> authToken;

    @Inject
    @ConfigProperty(name = "linkup.twilio.messaging-service-sid")
    Optional<String> messagingServiceSid;

    @Inject
    @ConfigProperty(name = "linkup.twilio.from")
    Optional<String> from;

    @Inject
    @ConfigProperty(name = "linkup.twilio.api-base-url", defaultValue = "https://api.twilio.com")
    String apiBaseUrl;

    @Inject
    @ConfigProperty(name = "linkup.twilio.max-connections", defaultValue = "64")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "linkup.twilio.timeout-millis", defaultValue = "10000")
    long timeoutMillis;

    private Settings settings;
    private TwilioHttpClient http;
    private TwilioRestClient client;

    /** For CDI; the settings come from MicroProfile Config in {@link #init()}. */
    protected TwilioSms() {
    }

    /** Ready to send, with settings given directly (tests, benchmarks). {@link #close()} releases the pool. */
    public TwilioSms(Settings settings) {
        connect(settings);
    }

    /** Runs when this provider is chosen: a missing credential or sender stops it here, naming the property. */
    @PostConstruct
    void init() {
        connect(new Settings(given(accountSid), given(authToken), given(messagingServiceSid), given(from),
                apiBaseUrl, maxConnections, Duration.ofMillis(timeoutMillis)));
    }

    private void connect(Settings settings) {
        this.settings = settings;
        this.http = new TwilioHttpClient(settings.apiBaseUrl(), settings.maxConnections(), settings.timeout());
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(http)
                .build();
        LOG.info(() -> "Twilio SMS via " + settings.apiBaseUrl() + " as " + settings.sender()
                + ", up to " + settings.maxConnections() + " connections, timeout " + settings.timeout().toMillis()
                + " ms");
    }

    @Override
    public Receipt send(Sms sms) {
        MessageCreator creator = settings.messagingServiceSid() != null
                ? Message.creator(new PhoneNumber(sms.to()), settings.messagingServiceSid(), sms.body())
                : Message.creator(new PhoneNumber(sms.to()), new PhoneNumber(settings.from()), sms.body());
        if (sms.statusCallback() != null) {
            creator.setStatusCallback(URI.create(sms.statusCallback()));
        }
        Message message;
        try {
            message = creator.create(client);
        } catch (TwilioException e) {
            SmsFailure failure = failure(e);
            LOG.log(failure.kind() == SmsFailure.Kind.REJECTED ? Level.WARNING : Level.INFO,
                    () -> "Twilio did not take a message to " + number(sms.to()) + ": "
                            + failure.kind() + " (code " + failure.code() + ") " + failure.getMessage());
            throw failure;
        }
        String status = message.getStatus() == null ? null : message.getStatus().toString();
        LOG.fine(() -> "Twilio took " + message.getSid() + " to " + number(sms.to()) + ", " + status);
        return new Receipt(message.getSid(), status);
    }

    /**
     * One GET of Twilio's Messages list, filtered by {@code To}: its first page of {@link #LOOKUP_PAGE} messages,
     * newest first. Not filtered by {@code DateSent}: a message still queued at Twilio has none yet, and such a
     * filter would hide exactly the text being looked for. A match is an outbound message with this very body,
     * created at or after {@code since} less {@link #CLOCK_SKEW} (Twilio's clock is not ours).
     */
    @Override
    public Optional<String> findSent(String to, String body, Instant since) {
        Instant from = since.minus(CLOCK_SKEW);
        Iterable<Message> page;
        try {
            page = Message.reader().setTo(new PhoneNumber(to)).setPageSize(LOOKUP_PAGE).firstPage(client)
                    .getRecords();
        } catch (TwilioException e) {
            SmsFailure failure = failure(e);
            LOG.warning(() -> "Twilio could not list the messages to " + number(to) + ": " + failure.kind()
                    + " (code " + failure.code() + ") " + failure.getMessage());
            throw failure;
        }
        for (Message message : page) {
            if (isOutbound(message) && body.equals(message.getBody()) && message.getDateCreated() != null
                    && !message.getDateCreated().toInstant().isBefore(from)) {
                LOG.info(() -> "Twilio already has " + message.getSid() + " to " + number(to) + ", "
                        + message.getStatus());
                return Optional.of(message.getSid());
            }
        }
        return Optional.empty();
    }

    private static boolean isOutbound(Message message) {
        return message.getDirection() != null && message.getDirection() != Message.Direction.INBOUND;
    }

    /**
     * Twilio's refusal in Linkup's words. Twilio's explanation is kept with phone numbers masked ("The 'To'
     * number +65****4567 is not…"); its exception is kept as the cause only when no answer came, as an answer's
     * exception repeats the full number.
     */
    static SmsFailure failure(TwilioException e) {
        if (e instanceof ApiException api && api.getStatusCode() != null) {
            Integer code = api.getCode();
            return new SmsFailure(kind(api.getStatusCode(), code), code == null ? null : code.toString(),
                    "Twilio answered " + api.getStatusCode() + ": " + masked(api.getMessage()), null);
        }
        if (e instanceof ApiException || e instanceof ApiConnectionException) {
            return new SmsFailure(SmsFailure.Kind.TRANSIENT, null, "Twilio unreachable: " + masked(e.getMessage()), e);
        }
        return new SmsFailure(SmsFailure.Kind.REJECTED, null, "Twilio SDK refused the request: "
                + masked(e.getMessage()), null);
    }

    /** Every run of six or more digits, with or without a plus, masked as Linkup prints every number. */
    static String masked(String text) {
        return text == null ? null
                : PHONE_LIKE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(number(m.group())));
    }

    /** Linkup's one phone masker ({@code PhoneNumber} here is Twilio's type). */
    private static String number(String digits) {
        return sg.linkup.client.entity.PhoneNumber.masked(digits);
    }

    /**
     * What an answer means for the message. {@code httpStatus} is null when no answer came (refused connection,
     * timeout, reset): those may go through later. A number Twilio calls invalid or not mobile must be corrected;
     * a STOP must be respected; everything else a 4xx says will not change by trying again.
     */
    static SmsFailure.Kind kind(Integer httpStatus, Integer twilioCode) {
        if (twilioCode != null) {
            switch (twilioCode) {
                case INVALID_TO, TO_NOT_MOBILE:
                    return SmsFailure.Kind.INVALID_NUMBER;
                case UNSUBSCRIBED:
                    return SmsFailure.Kind.UNSUBSCRIBED;
                case TOO_MANY_REQUESTS, QUEUE_FULL:
                    return SmsFailure.Kind.TRANSIENT;
                default:
                    break;
            }
        }
        if (httpStatus == null || httpStatus == 0 || httpStatus == 429 || httpStatus >= 500) {
            return SmsFailure.Kind.TRANSIENT;
        }
        return SmsFailure.Kind.REJECTED;
    }

    /** Releases the connection pool. */
    @PreDestroy
    public void close() {
        if (http == null) {
            return;
        }
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "TwilioSms[" + (settings == null ? "not configured" : settings) + "]";
    }

    private static String given(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty()).orElse(null);
    }

    /**
     * How to reach Twilio. The account SID and auth token are required, and one sender: a Messaging Service
     * (preferred, {@code MG…}; it wins when both are set) or a {@code from} number or alphanumeric sender ID.
     */
    public record Settings(String accountSid, String authToken, String messagingServiceSid, String from,
                           URI apiBaseUrl, int maxConnections, Duration timeout) {

        public Settings {
            messagingServiceSid = messagingServiceSid == null || messagingServiceSid.isBlank() ? null
                    : messagingServiceSid.strip();
            from = from == null || from.isBlank() ? null : from.strip();
            require(accountSid, "linkup.twilio.account-sid", "the account SID (AC…), e.g. LINKUP_TWILIO_ACCOUNT_SID");
            require(authToken, "linkup.twilio.auth-token", "the auth token, from the environment "
                    + "(LINKUP_TWILIO_AUTH_TOKEN)");
            if (messagingServiceSid == null && from == null) {
                throw new IllegalStateException("Twilio needs a sender: set linkup.twilio.messaging-service-sid "
                        + "(MG…) or linkup.twilio.from (a Twilio number in E.164 or an alphanumeric sender ID)");
            }
            if (apiBaseUrl == null || !("https".equals(apiBaseUrl.getScheme()) || "http".equals(apiBaseUrl.getScheme()))
                    || apiBaseUrl.getHost() == null || apiBaseUrl.getRawQuery() != null
                    || apiBaseUrl.getRawFragment() != null) {
                throw new IllegalStateException("linkup.twilio.api-base-url must be an http(s) URL with a host and "
                        + "without query or fragment, like https://api.twilio.com; it is " + apiBaseUrl);
            }
            if ("http".equals(apiBaseUrl.getScheme()) && !Hosts.isLoopback(apiBaseUrl.getHost())) {
                throw new IllegalStateException("linkup.twilio.api-base-url may use http only on this machine "
                        + "(a local fake); the auth token must not cross the network in clear text: " + apiBaseUrl);
            }
            if (maxConnections < 1) {
                throw new IllegalStateException("linkup.twilio.max-connections must be at least 1; it is "
                        + maxConnections);
            }
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalStateException("linkup.twilio.timeout-millis must be positive; it is " + timeout);
            }
        }

        /** From configuration text: blank means unset, the base URL is parsed, a bad one named. */
        Settings(String accountSid, String authToken, String messagingServiceSid, String from, String apiBaseUrl,
                 int maxConnections, Duration timeout) {
            this(accountSid, authToken, messagingServiceSid, from, uri(apiBaseUrl), maxConnections, timeout);
        }

        /** Twilio's defaults for the pool (64) and the timeout (10 s). */
        public static Settings of(String accountSid, String authToken, String messagingServiceSid, String from,
                                  URI apiBaseUrl) {
            return new Settings(accountSid, authToken, messagingServiceSid, from, apiBaseUrl, 64,
                    Duration.ofSeconds(10));
        }

        public Settings withMaxConnections(int connections) {
            return new Settings(accountSid, authToken, messagingServiceSid, from, apiBaseUrl, connections, timeout);
        }

        public Settings withTimeout(Duration limit) {
            return new Settings(accountSid, authToken, messagingServiceSid, from, apiBaseUrl, maxConnections, limit);
        }

        String sender() {
            return messagingServiceSid != null ? "Messaging Service " + messagingServiceSid : "sender " + from;
        }

        /** Never prints the auth token. */
        @Override
        public String toString() {
            return "Settings[accountSid=" + accountSid + ", " + sender() + ", apiBaseUrl=" + apiBaseUrl
                    + ", maxConnections=" + maxConnections + ", timeout=" + timeout + "]";
        }

        private static void require(String value, String property, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(property + " is not set: Twilio SMS needs " + what);
            }
        }

        private static URI uri(String text) {
            try {
                return text == null ? null : new URI(text.strip());
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException("linkup.twilio.api-base-url is not a URL: " + text, e);
            }
        }
    }
}
