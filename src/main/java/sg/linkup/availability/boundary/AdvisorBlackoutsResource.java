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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.availability.control.Blackouts;
import sg.linkup.directory.entity.Advisor;
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

    @GET
    @Operation(summary = "List an advisor's leave and other blackouts")
    public List<BlackoutJson> list(@PathParam("advisorId") long id) {
        return blackouts.of(owner(id)).stream().map(BlackoutJson::of).toList();
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
        return Response.created(uriInfo.getAbsolutePathBuilder().path(added.blackout().id().toString()).build())
                .entity(BlackoutJson.of(added)).build();
    }

    @RolesAllowed({ADMIN, PARTNER})
    @PUT
    @Path("{blackoutId}")
    @Operation(summary = "Move or re-word a blackout")
    public BlackoutJson update(@PathParam("advisorId") long id, @PathParam("blackoutId") long blackoutId, @Valid BlackoutJson body) {
        return BlackoutJson.of(blackouts.change(owner(id), blackoutId, body.range(), body.reason()));
    }

    @RolesAllowed({ADMIN, PARTNER})
    @DELETE
    @Path("{blackoutId}")
    @Operation(summary = "Withdraw a blackout")
    public Response delete(@PathParam("advisorId") long id, @PathParam("blackoutId") long blackoutId) {
        blackouts.withdraw(owner(id), blackoutId);
        return Response.noContent().build();
    }

    private Blackouts.Owner owner(long id) {
        Advisor advisor = Lookup.require(em, Advisor.class, id);
        caller.requireAgency("Advisor", id, advisor.agency().id());
        return Blackouts.Owner.of(advisor);
    }
}
