package sg.linkup.notification.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;
import sg.linkup.platform.Clocks;
import sg.linkup.notification.calendar.CalendarEvent.Method;
import sg.linkup.notification.calendar.CalendarEvent.Person;

/**
 * Turns {@link CalendarEvent}s into iCalendar text (RFC 5545): an iTIP message (RFC 5546) for one event, or a
 * subscription feed. Times are written as Singapore wall-clock times with a VTIMEZONE from iCal4j's bundled
 * zone data, so no calendar has to guess the zone and nothing is fetched from the network.
 */
public class Invites {

    private static final String PRODUCT = "-//Linkup//Bookings//EN";
    private static final String ZONE = Clocks.SINGAPORE.getId();

    /** Linkup holds no bookings before this: the zone's history before it is left out of every VTIMEZONE. */
    private static final Instant HISTORY_BEFORE = Instant.parse("2000-01-01T00:00:00Z");
    /** Past any booking: an observance that still has an onset after this is a rule for the future. */
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    /** iCal4j's own definition of the zone (offline: ical4j.properties turns updates off), history trimmed. */
    private static final VTimeZone SINGAPORE = withoutHistory(
            TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone(ZONE).getVTimeZone());

    /**
     * One VCALENDAR with METHOD and one VEVENT that Outlook, Google and Apple calendars add (REQUEST), update
     * (REQUEST, same UID, higher SEQUENCE) or remove (CANCEL, same UID, higher SEQUENCE). PUBLISH gives the same
     * event without attendees, for a plain "add to my calendar" file.
     */
    public String render(CalendarEvent event) {
        Objects.requireNonNull(event, "event");
        Calendar calendar = calendar();
        calendar.add(switch (event.method()) {
            case REQUEST -> ImmutableMethod.REQUEST;
            case CANCEL -> ImmutableMethod.CANCEL;
            case PUBLISH -> ImmutableMethod.PUBLISH;
        });
        calendar.add(SINGAPORE.copy());
        VEvent vevent = vevent(event);
        vevent.add(person(new Organizer(mailto(event.organizer())), event.organizer()));
        if (event.method() != Method.PUBLISH) {
            // RFC 5546 forbids attendees in PUBLISH; REQUEST needs them, CANCEL names everyone it removes.
            for (Person attendee : event.attendees()) {
                vevent.add(person(new Attendee(mailto(attendee)), attendee)
                        .add(Role.REQ_PARTICIPANT)
                        .add(PartStat.NEEDS_ACTION)
                        .add(CuType.INDIVIDUAL)
                        .add(Rsvp.FALSE));
            }
        }
        calendar.add(vevent);
        return text(calendar);
    }

    /**
     * A calendar to subscribe to (an advisor's upcoming sessions): no METHOD, so clients show the events
     * without treating them as invitations, and no organizer or attendee addresses in a URL that may be shared.
     * Events whose method is CANCEL are shown as cancelled.
     */
    public String feed(String calendarName, List<CalendarEvent> events) {
        if (calendarName == null || calendarName.isBlank()) {
            throw new IllegalArgumentException("calendarName is required");
        }
        Objects.requireNonNull(events, "events");
        String name = calendarName.replaceAll("[\\r\\n\\t]+", " ").strip();
        Calendar calendar = calendar();
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", ZONE));
        // Every calendar needs a component; the zone keeps an empty feed valid.
        calendar.add(SINGAPORE.copy());
        events.forEach(event -> calendar.add(vevent(event)));
        return text(calendar);
    }

    private static Calendar calendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        return calendar;
    }

    private static VEvent vevent(CalendarEvent event) {
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(new DtStamp(event.stamp()));
        vevent.add(new DtStart<>(local(event.start())));
        vevent.add(new DtEnd<>(local(event.end())));
        vevent.add(new Summary(event.summary()));
        vevent.add(new Location(event.location()));
        if (event.description() != null) {
            vevent.add(new Description(event.description()));
        }
        if (event.url() != null) {
            vevent.add(new Url(URI.create(event.url())));
        }
        boolean cancelled = event.method() == Method.CANCEL;
        vevent.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        vevent.add(cancelled ? ImmutableTransp.TRANSPARENT : ImmutableTransp.OPAQUE);
        return vevent;
    }

    private static ZonedDateTime local(Instant instant) {
        return instant.atZone(Clocks.SINGAPORE);
    }

    private static URI mailto(Person person) {
        return URI.create("mailto:" + person.email());
    }

    private static <P extends Property> P person(P property, Person person) {
        return person.name() == null ? property : property.add(new Cn(person.name()));
    }

    /**
     * The bundled zone holds Singapore's history back to 1901 (offsets with seconds, wartime changes). Outlook
     * is known to mis-read long definitions with many observances, so only those in force since
     * {@link #HISTORY_BEFORE} are kept: for Singapore, the single +08 STANDARD observance that began in 1982.
     */
    private static VTimeZone withoutHistory(VTimeZone bundled) {
        VTimeZone zone = bundled.copy();
        List<Observance> all = zone.getObservances();
        Observance inForce = VTimeZone.getApplicableObservance(HISTORY_BEFORE, all);
        List<Observance> kept = all.stream()
                .filter(o -> o == inForce || o.getLatestOnset(FAR_FUTURE).toInstant().isAfter(HISTORY_BEFORE))
                .toList();
        zone.setComponentList(new ComponentList<>(kept));
        // The trimmed definition is no longer the one published at TZURL, and LMT no longer precedes it.
        zone.removeAll(Property.TZURL, "X-PROLEPTIC-TZNAME");
        return zone;
    }

    private static String text(Calendar calendar) {
        // An invite that iCal4j finds invalid (RFC 5545, and RFC 5546 for its METHOD) is a bug here, not
        // something to send; iCal4j's validating outputter would only log it.
        ValidationResult validation;
        try {
            validation = calendar.validate();
        } catch (ValidationException e) {
            throw new IllegalStateException("could not validate the calendar: " + e.getMessage(), e);
        }
        if (validation.hasErrors()) {
            throw new IllegalStateException("built an invalid calendar: " + validation.getEntries());
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
