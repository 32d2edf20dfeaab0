package sg.linkup.availability.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.availability.control.HolidayCalendar;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;

@Path("holidays")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class HolidaysResource {

    static final String TEXT_CALENDAR = "text/calendar";

    @Inject
    HolidayCalendar calendar;

    @Inject
    Clock clock;

    @Schema(name = "PublicHoliday")
    public record HolidayJson(LocalDate day, String name) {
    }

    @Schema(name = "HolidayImport")
    public record ImportJson(SortedSet<Integer> years, int days) {
    }

    @GET
    @Operation(summary = "List the public holidays of a year (default: this year)")
    public List<HolidayJson> list(@QueryParam("year") Integer year) {
        int y = year == null ? Clocks.dateIn(clock.instant()).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new InvalidInput("year", "must be between 2000 and 2100");
        }
        return calendar.list(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).stream()
                .map(h -> new HolidayJson(h.day(), h.name()))
                .toList();
    }

    @RolesAllowed(ADMIN)
    @PUT
    @Consumes(TEXT_CALENDAR)
    @Operation(summary = "Import an iCalendar file of public holidays",
            description = "Every year the file mentions is replaced by the file's days; other years stay")
    public ImportJson replace(String icalendar) {
        if (icalendar == null || icalendar.isBlank()) {
            throw new InvalidInput("calendar", "send the iCalendar file as the request body");
        }
        var imported = calendar.replace(new StringReader(icalendar), false);
        return new ImportJson(imported.years(), imported.days());
    }
}
