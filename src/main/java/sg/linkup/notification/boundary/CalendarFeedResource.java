package sg.linkup.notification.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.PARTNER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.notification.control.CalendarFeeds;
import sg.linkup.notification.entity.CalendarFeed;
import sg.linkup.platform.Lookup;
import sg.linkup.security.control.Caller;

/** An advisor's calendar subscription: partners manage their own advisors', admins anyone's. */
@Path("advisors/{advisorId}/calendar-feed")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ADMIN, PARTNER})
@Tag(name = "Notifications", description = "SMS and calendar messages, their delivery, calendar feeds")
public class CalendarFeedResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    CalendarFeeds feeds;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    /** The public origin calendar programs reach Linkup at, when it differs from what requests arrive on. */
    @Inject
    @ConfigProperty(name = "linkup.public-url")
    Optional<String> publicUrl;

    @Schema(name = "CalendarFeed")
    public record FeedJson(
            @Schema(description = "whether a subscription link works now") boolean active,
            Instant createdAt,
            String createdBy,
            @Schema(description = "the subscription link; only in the answer that created it") String url,
            @Schema(description = "the same link for calendar programs that open webcal: links") String webcalUrl) {
    }

    @GET
    @Operation(summary = "Whether the advisor has a working calendar subscription (never the link itself)")
    public FeedJson get(@PathParam("advisorId") long advisorId) {
        Advisor advisor = advisor(advisorId);
        return feeds.active(advisor.id()).stream().findFirst()
                .map(f -> new FeedJson(true, f.createdAt(), f.createdBy(), null, null))
                .orElse(new FeedJson(false, null, null, null, null));
    }

    @POST
    @Operation(summary = "Create the advisor's calendar subscription link",
            description = "An ICS feed of the advisor's sessions for Outlook, Google or Apple Calendar. The link "
                    + "is shown once; creating a new one stops the old one working.")
    public Response create(@PathParam("advisorId") long advisorId) {
        Advisor advisor = advisor(advisorId);
        CalendarFeed.Issued issued = feeds.issue(advisor, caller.actor());
        String url = origin() + "/calendar/" + issued.token() + ".ics";
        return Response.status(Response.Status.CREATED)
                .entity(new FeedJson(true, issued.feed().createdAt(), issued.feed().createdBy(), url,
                        url.replaceFirst("^https?://", "webcal://")))
                .header("Cache-Control", "no-store")
                .build();
    }

    @DELETE
    @Operation(summary = "Revoke the advisor's calendar subscription link")
    public Response revoke(@PathParam("advisorId") long advisorId) {
        feeds.revoke(advisor(advisorId), caller.actor());
        return Response.noContent().build();
    }

    private Advisor advisor(long advisorId) {
        Advisor advisor = Lookup.require(em, Advisor.class, advisorId);
        caller.requireAgency("Advisor", advisorId, advisor.agency().id());
        return advisor;
    }

    private String origin() {
        String base = publicUrl.filter(u -> !u.isBlank()).orElseGet(() -> {
            String api = uriInfo.getBaseUri().toString();  // …/api/
            return api.substring(0, api.length() - (api.endsWith("/") ? "api/".length() : "api".length()));
        });
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
