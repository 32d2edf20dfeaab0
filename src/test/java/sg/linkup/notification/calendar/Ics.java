package sg.linkup.notification.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;

/** Reads iCalendar text back the way a calendar client would, and asks iCal4j whether it is valid. */
public final class Ics {

    private Ics() {
    }

    public static Calendar parse(String text) {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (IOException | ParserException e) {
            return fail("not parseable iCalendar: " + e.getMessage() + "\n" + text, e);
        }
    }

    /**
     * Everything iCal4j checks: the calendar's properties, RFC 5546's rules for its METHOD (the calendar's
     * and, per component, e.g. "a REQUEST has ORGANIZER, ATTENDEE, DTSTAMP, UID…") and, because a METHOD makes
     * iCal4j check components against its rules only, each component against RFC 5545 as well.
     */
    public static ValidationResult validation(Calendar calendar) {
        try {
            ValidationResult result = calendar.validate(true);
            for (Component component : calendar.getComponents()) {
                result = result.merge(component.validate(true));
            }
            return result;
        } catch (ValidationException e) {
            return fail("iCal4j could not validate: " + e.getMessage(), e);
        }
    }

    public static Calendar parseValid(String text) {
        Calendar calendar = parse(text);
        ValidationResult result = validation(calendar);
        assertFalse(result.hasErrors(), () -> "iCal4j finds it invalid: " + result.getEntries() + "\n" + text);
        return calendar;
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = events(calendar);
        assertEquals(1, events.size(), "VEVENTs");
        return events.get(0);
    }

    /** The value of the one property of that name, or null. */
    static String value(Calendar calendar, String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    static String value(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).orElse(null);
    }

    static String parameter(Property property, String name) {
        return property.getParameter(name).map(p -> p.getValue()).orElse(null);
    }

    /** The text without the one line (unfolded) that starts with {@code prefix}. */
    static String withoutLine(String text, String prefix) {
        String unfolded = text.replace("\r\n ", "");
        String result = unfolded.replaceAll("(?m)^" + java.util.regex.Pattern.quote(prefix) + "[^\r\n]*\r\n", "");
        if (result.equals(unfolded)) {
            fail("no line starting with " + prefix);
        }
        return result;
    }
}
