package sg.linkup.availability.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.PARTNER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.availability.control.Blackouts;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.platform.ETags;
import sg.linkup.platform.Lookup;
import sg.linkup.security.control.Caller;

/** An advisor's leave, training and other time away. */
@Path("advisors/{advisorId}/blackouts")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class AdvisorBlackoutsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Blackouts blackouts;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List an advisor's leave and other blackouts")
    public List<BlackoutJson> list(@PathParam("advisorId") long id) {
        return blackouts.of(owner(id)).stream().map(BlackoutJson::of).toList();
    }

    @GET
    @Path("{blackoutId}")
    @Operation(summary = "Read one blackout; its ETag goes into If-Match when it is changed")
    @APIResponseSchema(BlackoutJson.class)
    public Response get(@PathParam("advisorId") long id, @PathParam("blackoutId") long blackoutId) {
        var blackout = blackouts.one(owner(id), blackoutId);
        return ETags.ok(BlackoutJson.of(blackout), blackout.version());
    }

    @RolesAllowed({ADMIN, PARTNER})
    @POST
    @Path("impact")
    @Operation(summary = "Preview a blackout: the bookings it would collide with; nothing is stored")
    public BlackoutJson preview(@PathParam("advisorId") long id, @Valid BlackoutJson body) {
        return BlackoutJson.of(blackouts.preview(owner(id), body.range(), body.reason()));
    }

    @RolesAllowed({ADMIN, PARTNER})
    @POST
    @Operation(summary = "Add a blackout (leave, training)", description = "Stored even if bookings collide; the response lists them so they can be moved")
    public Response create(@PathParam("advisorId") long id, @Valid BlackoutJson body) {
        var added = blackouts.add(owner(id), body.range(), body.reason());
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(added.blackout().id().toString()).build(),
                BlackoutJson.of(added), added.blackout().version());
    }

    @RolesAllowed({ADMIN, PARTNER})
    @PUT
    @Path("{blackoutId}")
    @Operation(summary = "Move or re-word a blackout", description = "412 if If-Match names an older version")
    @APIResponseSchema(BlackoutJson.class)
    public Response update(@PathParam("advisorId") long id, @PathParam("blackoutId") long blackoutId, @Valid BlackoutJson body) {
        var changed = blackouts.change(owner(id), blackoutId, ETags.ifMatch(headers), body.range(), body.reason());
        return ETags.ok(BlackoutJson.of(changed), changed.blackout().version());
    }

    @RolesAllowed({ADMIN, PARTNER})
    @DELETE
    @Path("{blackoutId}")
    @Operation(summary = "Withdraw a blackout", description = "412 if If-Match names an older version")
    public Response delete(@PathParam("advisorId") long id, @PathParam("blackoutId") long blackoutId) {
        blackouts.withdraw(owner(id), blackoutId, ETags.ifMatch(headers));
        return Response.noContent().build();
    }

    private Blackouts.Owner owner(long id) {
        Advisor advisor = Lookup.require(em, Advisor.class, id);
        caller.requireAgency("Advisor", id, advisor.agency().id());
        return Blackouts.Owner.of(advisor);
    }
}
