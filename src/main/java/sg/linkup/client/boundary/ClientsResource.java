package sg.linkup.client.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.COUNTER_STAFF;
import static sg.linkup.security.entity.Role.Names.SUPERVISOR;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.client.entity.Client;
import sg.linkup.client.entity.PartialNric;
import sg.linkup.client.entity.PhoneNumber;
import sg.linkup.directory.entity.Office;
import sg.linkup.platform.ETags;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.NotFound;
import sg.linkup.platform.Page;
import sg.linkup.security.control.Caller;

/**
 * Clients and their contact details: counter staff and supervisors see only the clients of their own offices,
 * partners none at all. Every client whose contact details leave this resource is audited.
 */
@Path("clients")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "People SSOs book sessions for")
@RolesAllowed({ADMIN, COUNTER_STAFF, SUPERVISOR})
public class ClientsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "Find clients",
            description = "By mobile number (any common form, e.g. 9123 4567), by partial NRIC (567D) "
                    + "or by part of the name; smsProblem=true lists those whose texts stop reaching them (a wrong "
                    + "number, STOP) for counter staff to follow up; only clients of the caller's offices, never an "
                    + "anonymised one; ordered by name")
    public Page<ClientJson> search(@QueryParam("mobile") String mobile, @QueryParam("nric") String nric,
                                   @QueryParam("q") String q, @QueryParam("office") Long office,
                                   @QueryParam("active") Boolean active,
                                   @QueryParam("smsProblem") Boolean smsProblem,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PhoneNumber number = mobile == null || mobile.isBlank() ? null : PhoneNumber.parse(mobile);
        PartialNric partial = nric == null || nric.isBlank() ? null : PartialNric.parse(nric);
        Set<Long> scope = caller.officeScope().orElse(null);
        Page<ClientJson> found = Listing.of(em, Client.class, "name")
                // An anonymised client is nobody anyone can look for any more (README, Retention).
                .when(Boolean.TRUE, (cb, c) -> cb.isNull(c.get("anonymisedAt")))
                .when(scope, (cb, c) -> c.get("officeId").in(scope))
                .when(office, (cb, c) -> cb.equal(c.get("officeId"), office))
                .when(number, (cb, c) -> cb.equal(c.get("mobile"), number))
                .when(partial, (cb, c) -> cb.equal(c.get("partialNric"), partial))
                .when(q, (cb, c) -> cb.like(cb.lower(c.get("name")), Listing.containing(q)))
                .when(active, (cb, c) -> cb.equal(c.get("active"), active))
                .when(smsProblem, (cb, c) -> smsProblem ? cb.isNotNull(c.get("smsProblem"))
                        : cb.isNull(c.get("smsProblem")))
                .page(page, size)
                .map(ClientJson::of);
        found.items().forEach(client -> audit.record(caller.actor(), "CLIENT_CONTACT_READ", "Client",
                client.id(), "search"));
        return found;
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(ClientJson.class)
    public Response get(@PathParam("id") long id) {
        Client client = inScope(id);
        audit.record(caller.actor(), "CLIENT_CONTACT_READ", "Client", id, null);
        return ETags.ok(ClientJson.of(client), client.version());
    }

    @POST
    @Operation(summary = "Register a client at one of the caller's offices")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response create(@Valid ClientJson body) {
        Client client = new Client(body.contact(), clock.instant());
        client.assignTo(office(body.officeId()));
        em.persist(client);
        em.flush();
        audit.record(caller.actor(), "CLIENT_REGISTERED", "Client", client.id(), "office " + client.officeId());
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(client.id().toString()).build(),
                ClientJson.of(client), client.version());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update a client's contact details and preferences, or move them to another office",
            description = "412 if If-Match names an older version")
    @APIResponseSchema(ClientJson.class)
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public Response update(@PathParam("id") long id, @Valid ClientJson body) {
        Client client = inScope(id);
        ETags.requireCurrent(headers, client.version(), "Client " + id);
        Long before = client.officeId();
        client.update(body.contact());
        client.assignTo(office(body.officeId()));
        em.flush();
        audit.record(caller.actor(), "CLIENT_UPDATED", "Client", id,
                before == null || before.equals(client.officeId()) ? "contact details"
                        : "contact details; office " + before + " → " + client.officeId());
        return ETags.ok(ClientJson.of(client), client.version());
    }

    @POST
    @Path("{id}/deactivate")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public ClientJson deactivate(@PathParam("id") long id) {
        Client client = inScope(id);
        client.deactivate();
        audit.record(caller.actor(), "CLIENT_DEACTIVATED", "Client", id, null);
        return ClientJson.of(client);
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed({ADMIN, COUNTER_STAFF})
    public ClientJson activate(@PathParam("id") long id) {
        Client client = inScope(id);
        client.activate();
        audit.record(caller.actor(), "CLIENT_ACTIVATED", "Client", id, null);
        return ClientJson.of(client);
    }

    private Client inScope(long id) {
        Client client = Lookup.require(em, Client.class, id);
        if (!caller.reachesOffice(client.officeId())) {
            throw new NotFound("Client", id);
        }
        return client;
    }

    /** An office outside the caller's scope is reported like one that does not exist. */
    private Office office(Long officeId) {
        Office office = Lookup.reference(em, Office.class, officeId, "officeId");
        if (!caller.reachesOffice(officeId)) {
            throw new InvalidInput("officeId", "no Office with id " + officeId);
        }
        return office;
    }
}
