package sg.linkup.client.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.client.entity.Client;
import sg.linkup.client.entity.PartialNric;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Page;

@Path("clients")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "People SSOs book sessions for")
public class ClientsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "Find clients",
            description = "By mobile number (any common form, e.g. 9123 4567), by partial NRIC (567D) "
                    + "or by part of the name; ordered by name")
    public Page<ClientJson> search(@QueryParam("mobile") String mobile, @QueryParam("nric") String nric,
                                   @QueryParam("q") String q, @QueryParam("active") Boolean active,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PhoneNumber number = mobile == null || mobile.isBlank() ? null : PhoneNumber.parse(mobile);
        PartialNric partial = nric == null || nric.isBlank() ? null : PartialNric.parse(nric);
        return Listing.of(em, Client.class, "name")
                .when(number, (cb, c) -> cb.equal(c.get("mobile"), number))
                .when(partial, (cb, c) -> cb.equal(c.get("partialNric"), partial))
                .when(q, (cb, c) -> cb.like(cb.lower(c.get("name")), Listing.containing(q)))
                .when(active, (cb, c) -> cb.equal(c.get("active"), active))
                .page(page, size)
                .map(ClientJson::of);
    }

    @GET
    @Path("{id}")
    public ClientJson get(@PathParam("id") long id) {
        return ClientJson.of(Lookup.require(em, Client.class, id));
    }

    @POST
    @Operation(summary = "Register a client")
    public Response create(@Valid ClientJson body) {
        Client client = new Client(body.contact(), clock.instant());
        em.persist(client);
        em.flush();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(client.id().toString()).build())
                .entity(ClientJson.of(client)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update a client's contact details and preferences")
    public ClientJson update(@PathParam("id") long id, @Valid ClientJson body) {
        Client client = Lookup.require(em, Client.class, id);
        client.update(body.contact());
        em.flush();
        return ClientJson.of(client);
    }

    @POST
    @Path("{id}/deactivate")
    public ClientJson deactivate(@PathParam("id") long id) {
        Client client = Lookup.require(em, Client.class, id);
        client.deactivate();
        return ClientJson.of(client);
    }

    @POST
    @Path("{id}/activate")
    public ClientJson activate(@PathParam("id") long id) {
        Client client = Lookup.require(em, Client.class, id);
        client.activate();
        return ClientJson.of(client);
    }
}
