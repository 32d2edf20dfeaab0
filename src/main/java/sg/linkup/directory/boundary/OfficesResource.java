package sg.linkup.directory.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.directory.entity.Office;
import sg.linkup.platform.ETags;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Page;

@Path("offices")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Offices", description = "Social Service Offices, their opening hours and closures")
public class OfficesResource {

    @PersistenceContext
    EntityManager em;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List offices", description = "q matches code or name; ordered by name")
    public Page<OfficeJson> list(@QueryParam("q") String q, @QueryParam("active") Boolean active,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Listing.of(em, Office.class, "name")
                .when(q, (cb, o) -> cb.or(
                        cb.like(cb.lower(o.get("name")), Listing.containing(q)),
                        cb.like(cb.lower(o.get("code")), Listing.containing(q))))
                .when(active, (cb, o) -> cb.equal(o.get("active"), active))
                .page(page, size)
                .map(OfficeJson::of);
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(OfficeJson.class)
    public Response get(@PathParam("id") long id) {
        Office office = Lookup.require(em, Office.class, id);
        return ETags.ok(OfficeJson.of(office), office.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Operation(summary = "Create an office")
    public Response create(@Valid OfficeJson body) {
        Office office = body.toOffice();
        em.persist(office);
        em.flush();
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(office.id().toString()).build(),
                OfficeJson.of(office), office.version());
    }

    @RolesAllowed(ADMIN)
    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an office's description and opening hours",
            description = "412 if If-Match names an older version")
    @APIResponseSchema(OfficeJson.class)
    public Response update(@PathParam("id") long id, @Valid OfficeJson body) {
        Office office = Lookup.require(em, Office.class, id);
        ETags.requireCurrent(headers, office.version(), "Office " + id);
        body.applyTo(office);
        em.flush();
        return ETags.ok(OfficeJson.of(office), office.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate an office: no new sessions are offered there")
    public OfficeJson deactivate(@PathParam("id") long id) {
        Office office = Lookup.require(em, Office.class, id);
        office.deactivate();
        return OfficeJson.of(office);
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/activate")
    public OfficeJson activate(@PathParam("id") long id) {
        Office office = Lookup.require(em, Office.class, id);
        office.activate();
        return OfficeJson.of(office);
    }

    @GET
    @Path("{id}/closures")
    public List<ClosureJson> closures(@PathParam("id") long id) {
        return Lookup.require(em, Office.class, id).closures().stream().map(ClosureJson::of).toList();
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/closures")
    @Operation(summary = "Close an office on whole days (renovation, a staff retreat)")
    public Response close(@PathParam("id") long id, @Valid ClosureJson body) {
        Office office = Lookup.require(em, Office.class, id);
        var closure = office.close(body.firstDay(), body.lastDay(), body.reason());
        em.flush();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(closure.id().toString()).build())
                .entity(ClosureJson.of(closure)).build();
    }

    @RolesAllowed(ADMIN)
    @DELETE
    @Path("{id}/closures/{closureId}")
    @Operation(summary = "Withdraw a closure")
    public Response reopen(@PathParam("id") long id, @PathParam("closureId") long closureId) {
        Lookup.require(em, Office.class, id).removeClosure(closureId);
        return Response.noContent().build();
    }
}
