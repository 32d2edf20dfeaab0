package sg.linkup.directory.boundary;

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
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.directory.entity.Service;
import sg.linkup.platform.ETags;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Page;
import sg.linkup.security.control.Caller;

@Path("advisors")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Advisors", description = "Partner agencies' officers, their languages and services")
public class AdvisorsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List advisors",
            description = "Filter by agency, a service offered, a language spoken, and active; ordered by name")
    public Page<AdvisorJson> list(@QueryParam("agency") Long agency, @QueryParam("service") Long service,
                                  @QueryParam("language") Language language, @QueryParam("active") Boolean active,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Long ownAgency = caller.agencyScope().orElse(null);
        return Listing.of(em, Advisor.class, "displayName")
                .when(ownAgency, (cb, a) -> cb.equal(a.get("agency").get("id"), ownAgency))
                .when(agency, (cb, a) -> cb.equal(a.get("agency").get("id"), agency))
                .when(service, (cb, a) -> cb.equal(a.join("services").get("id"), service))
                .when(language, (cb, a) -> cb.equal(a.join("languages"), language))
                .when(active, (cb, a) -> cb.equal(a.get("active"), active))
                .page(page, size)
                .map(AdvisorJson::of);
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(AdvisorJson.class)
    public Response get(@PathParam("id") long id) {
        Advisor advisor = inScope(id);
        return ETags.ok(AdvisorJson.of(advisor), advisor.version());
    }

    @POST
    @Operation(summary = "Add an advisor to an agency")
    @RolesAllowed({ADMIN, PARTNER})
    public Response create(@Valid AdvisorJson body) {
        PartnerAgency agency = Lookup.reference(em, PartnerAgency.class, body.agencyId(), "agencyId");
        if (!caller.reachesAgency(agency.id())) {
            throw new InvalidInput("agencyId", "no PartnerAgency with id " + body.agencyId());
        }
        Advisor advisor = new Advisor(agency, body.displayName(), body.email(), body.languages(), services(body));
        em.persist(advisor);
        em.flush();
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(advisor.id().toString()).build(),
                AdvisorJson.of(advisor), advisor.version());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an advisor's name, e-mail, languages and services",
            description = "412 if If-Match names an older version")
    @APIResponseSchema(AdvisorJson.class)
    @RolesAllowed({ADMIN, PARTNER})
    public Response update(@PathParam("id") long id, @Valid AdvisorJson body) {
        Advisor advisor = inScope(id);
        ETags.requireCurrent(headers, advisor.version(), "Advisor " + id);
        if (!advisor.agency().id().equals(body.agencyId())) {
            throw new InvalidInput("agencyId", "an advisor cannot move to another agency");
        }
        advisor.describe(body.displayName(), body.email(), body.languages(), services(body));
        em.flush();
        return ETags.ok(AdvisorJson.of(advisor), advisor.version());
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate an advisor who has left or no longer sees clients")
    @RolesAllowed({ADMIN, PARTNER})
    public AdvisorJson deactivate(@PathParam("id") long id) {
        Advisor advisor = inScope(id);
        advisor.deactivate();
        return AdvisorJson.of(advisor);
    }

    @POST
    @Path("{id}/activate")
    @RolesAllowed({ADMIN, PARTNER})
    public AdvisorJson activate(@PathParam("id") long id) {
        Advisor advisor = inScope(id);
        advisor.activate();
        return AdvisorJson.of(advisor);
    }

    /** Partners reach only their own agency's advisors; another agency's answer like missing ones. */
    private Advisor inScope(long id) {
        Advisor advisor = Lookup.require(em, Advisor.class, id);
        caller.requireAgency("Advisor", id, advisor.agency().id());
        return advisor;
    }

    private List<Service> services(AdvisorJson body) {
        return body.serviceIds().stream()
                .distinct()
                .map(serviceId -> Lookup.reference(em, Service.class, serviceId, "serviceIds"))
                .toList();
    }
}
