package sg.linkup.notification.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One booking as a calendar sees it, in no vendor's terms. The same {@code uid} follows a booking through its
 * life; each change that attendees must see (new time, new room, cancellation) raises {@code sequence}.
 *
 * @param uid         stable per booking, e.g. "booking-42@linkup.sg"
 * @param sequence    0 for the first invite, +1 for every update and for the cancellation
 * @param method      what the message asks of the calendar: add/update, remove, or just show
 * @param start       UTC instant; iCalendar has whole seconds, finer parts are dropped
 * @param end         after {@code start}
 * @param summary     the title calendars show
 * @param location    SSO name, address and room, or "Video call"
 * @param description optional; says what the session is, never anything about the client
 * @param url         optional video link (absolute http or https)
 * @param organizer   who sends the invite; calendars send any reply there
 * @param attendees   who is invited; at least one for REQUEST and CANCEL (RFC 5546)
 * @param stamp       when this version of the event was made (DTSTAMP)
 */
public record CalendarEvent(String uid, int sequence, Method method, Instant start, Instant end, String summary,
        String location, String description, String url, Person organizer, List<Person> attendees,
        Instant stamp) {

    /** The iTIP method (RFC 5546) an event is sent with. */
    public enum Method {
        /** Add the event, or update it when the calendar already has this UID with a lower SEQUENCE. */
        REQUEST,
        /** Remove the event with this UID. */
        CANCEL,
        /** Show the event; nobody is asked to answer. */
        PUBLISH
    }

    /** Someone a calendar addresses by email; the name (CN) may be null. */
    public record Person(String name, String email) {

        /** Deliberately narrow: what a mailto: URI and every calendar client take without escaping. */
        private static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\]\\\\,;:\"]+@[^\\s@<>()\\[\\]\\\\,;:\"]+");

        public Person {
            Objects.requireNonNull(email, "email");
            email = email.strip();
            if (!EMAIL.matcher(email).matches()) {
                throw new IllegalArgumentException("not a plain email address: " + Addresses.maskedAddress(email));
            }
            name = name == null || name.isBlank() ? null : oneLine(name).replace('"', '\'');
        }

        @Override
        public String toString() {
            return "Person[name=" + name + ", email=" + Addresses.maskedAddress(email) + "]";
        }
    }

    public CalendarEvent {
        uid = oneLine(required(uid, "uid"));
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be 0 or more");
        }
        Objects.requireNonNull(method, "method");
        start = Objects.requireNonNull(start, "start").truncatedTo(ChronoUnit.SECONDS);
        end = Objects.requireNonNull(end, "end").truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
        summary = required(summary, "summary");
        location = required(location, "location");
        description = description == null || description.isBlank() ? null : description.strip();
        url = url == null || url.isBlank() ? null : web(url.strip());
        Objects.requireNonNull(organizer, "organizer");
        attendees = List.copyOf(Objects.requireNonNull(attendees, "attendees"));
        if (attendees.isEmpty() && method != Method.PUBLISH) {
            throw new IllegalArgumentException(method + " needs at least one attendee (RFC 5546)");
        }
        stamp = Objects.requireNonNull(stamp, "stamp").truncatedTo(ChronoUnit.SECONDS);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static String web(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not a valid URI");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("url must be an absolute http(s) link");
        }
        return url;
    }
}
