package sg.linkup.availability.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.COUNTER_STAFF;
import static sg.linkup.security.entity.Role.Names.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.InvalidInput;
import sg.linkup.security.control.Caller;

@Path("slots")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Slots", description = "Where an advisor, an SSO room and the client are all free")
@RolesAllowed({ADMIN, COUNTER_STAFF, SUPERVISOR})
public class SlotsResource {

    @Inject
    SlotSearch search;

    @Inject
    Caller caller;

    @PersistenceContext
    EntityManager em;

    @GET
    @Operation(summary = "Find bookable sessions",
            description = "Ordered by start, then office in the order given, then mode (VIDEO_AT_SSO, IN_PERSON, "
                    + "VIDEO_REMOTE unless one mode is asked). The Server-Timing header tells how long the search "
                    + "took inside the server.")
    @Timed(name = "linkup.slot.search.duration", absolute = true,
            description = "Slot searches (GET /api/slots): time in the server, refusals included")
    public Response find(
            @Parameter(description = "service id", required = true) @QueryParam("service") Long service,
            @Parameter(description = "any active SSO, not only the caller's; repeat or comma-separate for "
                    + "several, nearest to the client first", required = true)
            @QueryParam("office") List<String> offices,
            @QueryParam("mode") String mode,
            @Parameter(description = "date or date-time; default now") @QueryParam("from") String from,
            @Parameter(description = "date (inclusive) or date-time; default from + 14 days, within the "
                    + "service's horizon") @QueryParam("to") String to,
            @QueryParam("language") String language,
            @Parameter(description = "leave out times when this client is already booked") @QueryParam("client")
            Long client,
            @Parameter(description = "1–500, default 50") @QueryParam("limit") Integer limit,
            @Parameter(description = "list every free advisor and room per slot") @QueryParam("candidates")
            boolean candidates) {
        long started = System.nanoTime();
        // Any active office: a client is served wherever suits them (no wrong door). The client, though, must be
        // one of the caller's offices' own, as their busy times are theirs to know.
        List<Long> officeIds = officeIds(offices);
        if (client != null) {
            Client found = em.find(Client.class, client);
            if (found == null || !caller.reachesOffice(found.officeId())) {
                throw new InvalidInput("client", "no client with id " + client);
            }
        }
        var found = search.search(SlotSearch.Query.of(service, officeIds, mode(mode), TimeInput.start("from", from),
                TimeInput.end("to", to)).speaking(language(language)).forClient(client).first(limit)
                .withCandidates(candidates));
        double millis = (System.nanoTime() - started) / 1e6;
        return Response.ok(SlotJson.Result.of(found, candidates))
                .header("Server-Timing", String.format(Locale.ROOT, "search;dur=%.2f", millis))
                .build();
    }

    private static List<Long> officeIds(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    ids.add(Long.valueOf(part.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInput("office", "give office ids, such as office=3 or office=3,7");
                }
            }
        }
        return ids;
    }

    private static SessionMode mode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SessionMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("mode", "one of IN_PERSON, VIDEO_AT_SSO, VIDEO_REMOTE");
        }
    }

    private static Language language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Language.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("language", "one of EN, ZH, MS, TA");
        }
    }
}
