package sg.linkup.directory.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Join;
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
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.availability.control.BookableServices;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.ETags;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Page;

@Path("services")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Services", description = "What partner agencies offer, in which modes, and on what terms")
public class ServicesResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    BookableServices bookable;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List services", description = "Filter by agency, mode, active, and office: those a client "
            + "can be booked into at that SSO (an active advisor has current availability in a mode the office can "
            + "hold); ordered by code")
    public Page<ServiceJson> list(@QueryParam("agency") Long agency, @QueryParam("mode") SessionMode mode,
                                  @QueryParam("active") Boolean active, @QueryParam("office") Long office,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Set<Long> bookableThere = office == null ? null : bookable.atOffice(office);
        return Listing.of(em, Service.class, "code")
                .when(agency, (cb, s) -> cb.equal(s.get("agency").get("id"), agency))
                .when(bookableThere, (cb, s) -> bookableThere.isEmpty() ? cb.disjunction()
                        : s.get("id").in(bookableThere))
                .when(mode, (cb, s) -> {
                    Join<Service, SessionMode> modes = s.join("allowedModes");
                    return cb.equal(modes, mode);
                })
                .when(active, (cb, s) -> cb.equal(s.get("active"), active))
                .page(page, size)
                .map(ServiceJson::of);
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(ServiceJson.class)
    public Response get(@PathParam("id") long id) {
        Service service = Lookup.require(em, Service.class, id);
        return ETags.ok(ServiceJson.of(service), service.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Operation(summary = "Add a service to an agency")
    public Response create(@Valid ServiceJson body) {
        PartnerAgency agency = Lookup.reference(em, PartnerAgency.class, body.agencyId(), "agencyId");
        Service service = body.toService(agency);
        em.persist(service);
        em.flush();
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(service.id().toString()).build(),
                ServiceJson.of(service), service.version());
    }

    @RolesAllowed(ADMIN)
    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a service's names, modes and terms",
            description = "412 if If-Match names an older version")
    @APIResponseSchema(ServiceJson.class)
    public Response update(@PathParam("id") long id, @Valid ServiceJson body) {
        Service service = Lookup.require(em, Service.class, id);
        ETags.requireCurrent(headers, service.version(), "Service " + id);
        if (!service.agency().id().equals(body.agencyId())) {
            throw new InvalidInput("agencyId", "a service cannot move to another agency");
        }
        body.applyTo(service);
        em.flush();
        return ETags.ok(ServiceJson.of(service), service.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Stop offering a service")
    public ServiceJson deactivate(@PathParam("id") long id) {
        Service service = Lookup.require(em, Service.class, id);
        service.deactivate();
        return ServiceJson.of(service);
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/activate")
    public ServiceJson activate(@PathParam("id") long id) {
        Service service = Lookup.require(em, Service.class, id);
        service.activate();
        return ServiceJson.of(service);
    }
}
