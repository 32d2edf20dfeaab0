package sg.linkup.directory.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.Room;
import sg.linkup.directory.entity.RoomKind;
import sg.linkup.platform.ETags;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Page;

@Path("rooms")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms", description = "Interview and video rooms at the offices")
public class RoomsResource {

    @PersistenceContext
    EntityManager em;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List rooms", description = "Filter by office, kind and active; ordered by name")
    public Page<RoomJson> list(@QueryParam("office") Long office, @QueryParam("kind") RoomKind kind,
                               @QueryParam("active") Boolean active,
                               @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Listing.of(em, Room.class, "name")
                .when(office, (cb, r) -> cb.equal(r.get("office").get("id"), office))
                .when(kind, (cb, r) -> cb.equal(r.get("kind"), kind))
                .when(active, (cb, r) -> cb.equal(r.get("active"), active))
                .page(page, size)
                .map(RoomJson::of);
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(RoomJson.class)
    public Response get(@PathParam("id") long id) {
        Room room = Lookup.require(em, Room.class, id);
        return ETags.ok(RoomJson.of(room), room.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Operation(summary = "Add a room to an office")
    public Response create(@Valid RoomJson body) {
        Office office = Lookup.reference(em, Office.class, body.officeId(), "officeId");
        Room room = new Room(office, body.name(), body.kind());
        em.persist(room);
        em.flush();
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(room.id().toString()).build(),
                RoomJson.of(room), room.version());
    }

    @RolesAllowed(ADMIN)
    @PUT
    @Path("{id}")
    @Operation(summary = "Rename a room or change its kind", description = "412 if If-Match names an older version")
    @APIResponseSchema(RoomJson.class)
    public Response update(@PathParam("id") long id, @Valid RoomJson body) {
        Room room = Lookup.require(em, Room.class, id);
        ETags.requireCurrent(headers, room.version(), "Room " + id);
        if (!room.office().id().equals(body.officeId())) {
            throw new InvalidInput("officeId", "a room cannot move to another office; add a new room there");
        }
        room.describe(body.name(), body.kind());
        em.flush();
        return ETags.ok(RoomJson.of(room), room.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Take a room out of use")
    public RoomJson deactivate(@PathParam("id") long id) {
        Room room = Lookup.require(em, Room.class, id);
        room.deactivate();
        return RoomJson.of(room);
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/activate")
    public RoomJson activate(@PathParam("id") long id) {
        Room room = Lookup.require(em, Room.class, id);
        room.activate();
        return RoomJson.of(room);
    }
}
