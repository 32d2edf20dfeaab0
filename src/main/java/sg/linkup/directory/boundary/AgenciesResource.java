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
import sg.linkup.directory.entity.AgencyDomain;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.ETags;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Page;

@Path("agencies")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner agencies", description = "Agencies whose advisors see SSO clients")
public class AgenciesResource {

    @PersistenceContext
    EntityManager em;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List partner agencies", description = "q matches code or name; ordered by name")
    public Page<AgencyJson> list(@QueryParam("q") String q, @QueryParam("domain") AgencyDomain domain,
                                 @QueryParam("active") Boolean active,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Listing.of(em, PartnerAgency.class, "name")
                .when(q, (cb, a) -> cb.or(
                        cb.like(cb.lower(a.get("name")), Listing.containing(q)),
                        cb.like(cb.lower(a.get("code")), Listing.containing(q))))
                .when(domain, (cb, a) -> cb.equal(a.get("domain"), domain))
                .when(active, (cb, a) -> cb.equal(a.get("active"), active))
                .page(page, size)
                .map(AgencyJson::of);
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(AgencyJson.class)
    public Response get(@PathParam("id") long id) {
        PartnerAgency agency = Lookup.require(em, PartnerAgency.class, id);
        return ETags.ok(AgencyJson.of(agency), agency.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Operation(summary = "Register a partner agency")
    public Response create(@Valid AgencyJson body) {
        PartnerAgency agency = body.toAgency();
        em.persist(agency);
        em.flush();
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(agency.id().toString()).build(),
                AgencyJson.of(agency), agency.version());
    }

    @RolesAllowed(ADMIN)
    @PUT
    @Path("{id}")
    @Operation(summary = "Replace an agency's description", description = "412 if If-Match names an older version")
    @APIResponseSchema(AgencyJson.class)
    public Response update(@PathParam("id") long id, @Valid AgencyJson body) {
        PartnerAgency agency = Lookup.require(em, PartnerAgency.class, id);
        ETags.requireCurrent(headers, agency.version(), "PartnerAgency " + id);
        body.applyTo(agency);
        em.flush();
        return ETags.ok(AgencyJson.of(agency), agency.version());
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate an agency: its services are no longer offered")
    public AgencyJson deactivate(@PathParam("id") long id) {
        PartnerAgency agency = Lookup.require(em, PartnerAgency.class, id);
        agency.deactivate();
        return AgencyJson.of(agency);
    }

    @RolesAllowed(ADMIN)
    @POST
    @Path("{id}/activate")
    public AgencyJson activate(@PathParam("id") long id) {
        PartnerAgency agency = Lookup.require(em, PartnerAgency.class, id);
        agency.activate();
        return AgencyJson.of(agency);
    }
}
