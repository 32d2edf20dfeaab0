package sg.linkup.notification.entity;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.SessionMode;

/**
 * The text of every SMS in the client's language, from the UTF-8 bundles {@code sg/linkup/notification/sms*.properties}.
 * Each text starts with {@link #SENDER} and speaks to the client generically; it may only say what
 * {@link SmsFacts} holds, so it can never name the client, the service or the agency.
 * <p>
 * A text never costs more than {@link #MAX_SEGMENTS} SMS parts. Chinese and Tamil go as UCS-2 (201 units in
 * three parts), so a long office name together with a video link can overflow: then the office name, and only
 * it, is cut and ends in an ellipsis; date, time and video link are never shortened. The ellipsis is "…" in a
 * UCS-2 text but "..." in a GSM-7 one, where "…" alone would switch the whole text to UCS-2 and halve its room.
 * If even an office name cut to {@value #OFFICE_KEPT_AT_LEAST} characters does not fit, the template is too long
 * and rendering fails with {@link IllegalStateException}.
 * <p>
 * Typographic quotes, dashes and spaces in an office name are sent as their GSM-7 look-alikes, so that an en dash
 * typed into the directory does not double the cost of every English and Malay text for that office.
 */
public class SmsTemplates {

    public static final int MAX_SEGMENTS = 3;
    /** Same in every language, so a client recognises Linkup's texts whatever language they chose. */
    public static final String SENDER = "Linkup: ";

    static final String BUNDLE = "sg.linkup.notification.sms";
    static final String WHEN_PATTERN = "when";
    static final String PLACE_OFFICE = "place.office";
    static final String PLACE_REMOTE = "place.remote";
    static final String VIDEO = "video";
    static final String MAIL = "mail.";

    /** What staff see in place of a video link in a text's preview. */
    public static final String VIDEO_LINK_SHOWN_TO_STAFF = "[video link]";

    private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
    /** The only links a text carries are video links: no template holds one of its own. */
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://\\S+");
    private static final int OFFICE_KEPT_AT_LEAST = 8;

    public record Rendered(String text, SmsSegments.Count count) {
    }

    private final Map<Language, Texts> texts = new EnumMap<>(Language.class);

    public SmsTemplates() {
        for (Language language : Language.values()) {
            texts.put(language, new Texts(locale(language)));
        }
    }

    public String render(SmsKind kind, Language language, SmsFacts facts) {
        return renderMeasured(kind, language, facts).text();
    }

    public Rendered renderMeasured(SmsKind kind, Language language, SmsFacts facts) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(facts, "facts");
        requireFacts(kind, facts);
        Texts text = texts.get(language);
        String office = facts.officeName() == null ? null : gsmLookAlikes(facts.officeName());

        Rendered full = measured(text.sms(kind, facts, office));
        if (fits(full)) {
            return full;
        }
        if (kind.namesAppointment()) {
            for (int keep = office.length() - 1; keep >= OFFICE_KEPT_AT_LEAST; keep--) {
                if (Character.isHighSurrogate(office.charAt(keep - 1))) {
                    continue;
                }
                String cut = office.substring(0, keep).stripTrailing();
                Rendered shorter = measured(text.sms(kind, facts, cut + "..."));
                if (shorter.count().encoding() == SmsSegments.Encoding.UCS_2) {
                    shorter = measured(text.sms(kind, facts, cut + "…"));
                }
                if (fits(shorter)) {
                    return shorter;
                }
            }
        }
        throw new IllegalStateException(kind + " in " + language + " needs " + full.count().segments()
                + " SMS parts even with a shortened office name; the template is too long: " + full.text());
    }

    /**
     * A text as counter staff may see it: word for word what the client gets, in the client's language, except
     * that a video link reads {@value #VIDEO_LINK_SHOWN_TO_STAFF}. The guest link is the client's key to the
     * session — whoever has it joins as the client — and a preview is shown on a counter screen within sight of
     * the queue and kept in screenshots; staff need to see that the link goes, not the link, and the booking
     * already gives them the session's own link.
     */
    public static String forStaff(String text) {
        return text == null ? null : LINK.matcher(text).replaceAll(VIDEO_LINK_SHOWN_TO_STAFF);
    }

    /**
     * The same news for the client's invitation e-mail: the calendar file carries the details, this is the
     * readable part. Nobody can answer YES or C by e-mail, so {@link SmsKind#CONFIRMATION} and
     * {@link SmsKind#RESCHEDULED} have their own {@code mail.*} texts that point to the SSO instead; an e-mail has
     * no length limit and no "Linkup: " prefix (the sender says it).
     */
    public String renderMail(SmsKind kind, Language language, SmsFacts facts) {
        Objects.requireNonNull(language, "language");
        if (kind != SmsKind.CONFIRMATION && kind != SmsKind.RESCHEDULED && kind != SmsKind.CANCELLED) {
            throw new IllegalArgumentException("no e-mail text for " + kind);
        }
        requireFacts(kind, facts);
        String key = kind == SmsKind.CANCELLED ? key(kind) : MAIL + key(kind);
        return texts.get(language).compose(key, kind, facts, facts.officeName());
    }

    private static void requireFacts(SmsKind kind, SmsFacts facts) {
        if (kind.namesAppointment() && (facts.officeName() == null || facts.start() == null || facts.mode() == null)) {
            throw new IllegalArgumentException(kind + " needs the office name, start and session mode");
        }
        if (kind.statesOfferMinutes() && facts.offerMinutes() == 0) {
            throw new IllegalArgumentException(kind + " needs the minutes the offer stays open");
        }
    }

    private static String gsmLookAlikes(String officeName) {
        return officeName
                .replaceAll("[\u2018\u2019\u201A\u2032]", "'")
                .replaceAll("[\u201C\u201D\u201E\u2033]", "\"")
                .replaceAll("[\u2010-\u2015\u2212]", "-")
                .replaceAll("[\u00A0\u2007\u2009\u202F]", " ")
                .replace("\u2026", "...");
    }

    private static boolean fits(Rendered rendered) {
        return rendered.count().segments() <= MAX_SEGMENTS;
    }

    private static Rendered measured(String text) {
        return new Rendered(text, SmsSegments.measure(text));
    }

    private static Locale locale(Language language) {
        return switch (language) {
            case EN -> Locale.forLanguageTag("en-SG");
            case ZH -> Locale.forLanguageTag("zh-SG");
            case MS -> Locale.forLanguageTag("ms-SG");
            case TA -> Locale.forLanguageTag("ta-SG");
        };
    }

    static String key(SmsKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** One language's bundle and date format. */
    private static final class Texts {

        private final Locale locale;
        private final ResourceBundle bundle;
        private final DateTimeFormatter when;

        Texts(Locale locale) {
            this.locale = locale;
            // No fallback to the JVM's default locale: a server running in zh must still send English as English.
            this.bundle = ResourceBundle.getBundle(BUNDLE, locale, SmsTemplates.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            this.when = DateTimeFormatter.ofPattern(bundle.getString(WHEN_PATTERN), locale);
        }

        /** The text message: the sender's name, then the words. */
        String sms(SmsKind kind, SmsFacts facts, String officeName) {
            return SENDER + compose(key(kind), kind, facts, officeName);
        }

        /** The words of {@code key}, for a text message or an e-mail. */
        String compose(String key, SmsKind kind, SmsFacts facts, String officeName) {
            if (!kind.namesAppointment()) {
                return format(key);
            }
            String placeKey = facts.mode() == SessionMode.VIDEO_REMOTE ? PLACE_REMOTE : PLACE_OFFICE;
            String body = format(key,
                    format(placeKey, officeName),
                    when.format(facts.start().atZone(SINGAPORE)),
                    Integer.toString(facts.offerMinutes()));
            String link = facts.linkToSend();
            // The link goes last, so no punctuation of ours sticks to it when the phone makes it clickable.
            return body + (kind.carriesVideoLink() && link != null ? format(VIDEO, link) : "");
        }

        private String format(String key, Object... arguments) {
            return new MessageFormat(bundle.getString(key), locale).format(arguments);
        }
    }
}
