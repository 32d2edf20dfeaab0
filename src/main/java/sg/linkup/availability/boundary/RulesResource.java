package sg.linkup.availability.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.PARTNER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Office;
import sg.linkup.platform.Conflict;
import sg.linkup.platform.ETags;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.NotFound;
import sg.linkup.security.control.Caller;

@Path("advisors/{advisorId}/rules")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "Advisors' recurring availability, blackouts, agency closures, holidays")
public class RulesResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(summary = "List an advisor's availability rules")
    public List<RuleJson> list(@PathParam("advisorId") long advisorId) {
        advisor(advisorId);
        return rulesOf(advisorId).stream().map(RuleJson::of).toList();
    }

    @GET
    @Path("{ruleId}")
    @APIResponseSchema(RuleJson.class)
    public Response get(@PathParam("advisorId") long advisorId, @PathParam("ruleId") long ruleId) {
        AvailabilityRule rule = rule(advisorId, ruleId);
        return ETags.ok(RuleJson.of(rule), rule.version());
    }

    @RolesAllowed({ADMIN, PARTNER})
    @POST
    @Operation(summary = "Add a recurring availability rule",
            description = "409 if it overlaps another rule of the same advisor on some date")
    public Response create(@PathParam("advisorId") long advisorId, @Valid RuleJson body) {
        Advisor advisor = lockedAdvisor(advisorId);
        AvailabilityRule rule = new AvailabilityRule(advisor, body.schedule(office(body)));
        refuseClashes(rule, advisorId);
        em.persist(rule);
        em.flush();
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(rule.id().toString()).build(),
                RuleJson.of(rule), rule.version());
    }

    @RolesAllowed({ADMIN, PARTNER})
    @PUT
    @Path("{ruleId}")
    @Operation(summary = "Replace an availability rule", description = "412 if If-Match names an older version")
    @APIResponseSchema(RuleJson.class)
    public Response update(@PathParam("advisorId") long advisorId, @PathParam("ruleId") long ruleId,
                           @Valid RuleJson body) {
        lockedAdvisor(advisorId);
        AvailabilityRule rule = rule(advisorId, ruleId);
        ETags.requireCurrent(headers, rule.version(), "AvailabilityRule " + ruleId);
        rule.reschedule(body.schedule(office(body)));
        refuseClashes(rule, advisorId);
        em.flush();
        return ETags.ok(RuleJson.of(rule), rule.version());
    }

    @RolesAllowed({ADMIN, PARTNER})
    @DELETE
    @Path("{ruleId}")
    @Operation(summary = "Withdraw an availability rule",
            description = "Existing bookings stay; no new slots are offered from this rule")
    public Response delete(@PathParam("advisorId") long advisorId, @PathParam("ruleId") long ruleId) {
        em.remove(rule(advisorId, ruleId));
        return Response.noContent().build();
    }

    /** Locked so that two rules added at once for one advisor cannot both pass the overlap check. */
    private Advisor lockedAdvisor(long advisorId) {
        Advisor advisor = advisor(advisorId);
        em.lock(advisor, LockModeType.PESSIMISTIC_WRITE);
        return advisor;
    }

    /** Partners reach their own agency's advisors only; others answer like missing ones. */
    private Advisor advisor(long advisorId) {
        Advisor advisor = Lookup.require(em, Advisor.class, advisorId);
        caller.requireAgency("Advisor", advisorId, advisor.agency().id());
        return advisor;
    }

    private void refuseClashes(AvailabilityRule rule, long advisorId) {
        for (AvailabilityRule other : rulesOf(advisorId)) {
            if (other == rule) {
                continue;
            }
            rule.firstClashWith(other).ifPresent(day -> {
                throw new Conflict("overlaps availability rule " + other.id() + " on " + day + " ("
                        + other.startTime() + "–" + other.endTime() + "); an advisor is in one place at a time");
            });
        }
    }

    private List<AvailabilityRule> rulesOf(long advisorId) {
        return em.createQuery("SELECT r FROM AvailabilityRule r WHERE r.advisorId = :advisor ORDER BY r.validFrom, "
                        + "r.startTime, r.id", AvailabilityRule.class)
                .setParameter("advisor", advisorId)
                .getResultList();
    }

    private AvailabilityRule rule(long advisorId, long ruleId) {
        advisor(advisorId);
        AvailabilityRule rule = em.find(AvailabilityRule.class, ruleId);
        if (rule == null || rule.advisorId() != advisorId) {
            throw new NotFound("AvailabilityRule", ruleId);
        }
        return rule;
    }

    private Office office(RuleJson body) {
        return body.officeId() == null ? null : Lookup.reference(em, Office.class, body.officeId(), "officeId");
    }
}
