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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.availability.control.RuleOverlap;
import sg.linkup.availability.control.SlotFinder.Slot;
import sg.linkup.availability.control.SlotSearch;
import sg.linkup.availability.entity.AvailabilityRule;
import sg.linkup.availability.entity.AvailabilityWindow;
import sg.linkup.availability.entity.Recurrence;
import sg.linkup.availability.entity.WeeklyPattern;
import sg.linkup.directory.entity.Advisor;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.Service;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;
import sg.linkup.platform.InvalidInput;
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

    @Inject
    SlotSearch slotSearch;

    @Inject
    Clock clock;

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
        AvailabilityRule rule = new AvailabilityRule(advisor, given(body).schedule(office(body)));
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
        rule.reschedule(given(body).schedule(office(body)));
        refuseClashes(rule, advisorId);
        em.flush();
        return ETags.ok(RuleJson.of(rule), rule.version());
    }

    @RolesAllowed({ADMIN, PARTNER})
    @DELETE
    @Path("{ruleId}")
    @Operation(summary = "Withdraw an availability rule",
            description = "Existing bookings stay; no new slots are offered from this rule. 412 if If-Match names "
                    + "an older version")
    public Response delete(@PathParam("advisorId") long advisorId, @PathParam("ruleId") long ruleId) {
        AvailabilityRule rule = rule(advisorId, ruleId);
        ETags.requireCurrent(headers, rule.version(), "AvailabilityRule " + ruleId);
        em.remove(rule);
        return Response.noContent().build();
    }

    /** How many days ahead the preview looks: the fortnight a partner plans. */
    static final int PREVIEW_DAYS = 14;

    @RolesAllowed({ADMIN, PARTNER})
    @POST
    @Path("preview")
    @Operation(summary = "Preview an unsaved rule",
            description = "The sessions the advisor would have open over the next 14 days if this rule were saved "
                    + "(replacing the rule named by 'replacing'), found by the same slot search counters book from: "
                    + "after public holidays, office and agency closures, blackouts and bookings, within the "
                    + "service's notice and horizon. Also the first overlap with another rule of the advisor, which "
                    + "saving would refuse with 409. Nothing is stored. A rule that could not be saved gets the same "
                    + "400 as saving it.")
    public RulePreviewJson preview(@PathParam("advisorId") long advisorId,
                                   @Parameter(description = "the id of the rule being edited; leave out for a new one")
                                   @QueryParam("replacing") Long replacing,
                                   @Parameter(description = "a service the advisor offers; default: the first active "
                                           + "one") @QueryParam("service") Long serviceId,
                                   @Valid RuleJson body) {
        Advisor advisor = advisor(advisorId);
        if (replacing != null) {
            rule(advisorId, replacing);
        }
        AvailabilityRule draft = new AvailabilityRule(advisor, given(body).schedule(office(body)));
        List<AvailabilityRule> others = rulesOf(advisorId).stream()
                .filter(other -> !other.id().equals(replacing)).toList();
        RulePreviewJson.Clash clash = null;
        for (AvailabilityRule other : others) {
            Optional<LocalDate> day = draft.firstClashWith(other);
            if (day.isPresent()) {
                var pattern = WeeklyPattern.of(Recurrence.parse(other.rrule()));
                clash = new RulePreviewJson.Clash(other.id(), day.get(), other.rrule(),
                        pattern.map(WeeklyPattern::weekdays).orElse(null),
                        pattern.map(WeeklyPattern::everyWeeks).orElse(null), other.startTime(), other.endTime());
                break;
            }
        }
        Service service = previewService(advisor, serviceId);
        LocalDate today = Clocks.dateIn(clock.instant());
        List<LocalDate> dates = today.datesUntil(today.plusDays(PREVIEW_DAYS)).toList();
        Map<LocalDate, List<RulePreviewJson.Session>> byDay = new TreeMap<>();
        dates.forEach(day -> byDay.put(day, new ArrayList<>()));
        boolean truncated = false;
        if (service != null) {
            Instant now = clock.instant();
            Instant end = Clocks.at(today.plusDays(PREVIEW_DAYS), java.time.LocalTime.MIDNIGHT);
            Instant horizon = now.plus(Duration.ofDays(service.terms().horizonDays()));
            if (horizon.isBefore(end)) {
                end = horizon;
            }
            var found = slotSearch.search(SlotSearch.Query.of(service.id(), previewOffices(advisor, draft, others),
                    null, now, end).onlyAdvisor(advisorId).first(SlotSearch.MAX_LIMIT), new SlotSearch.Draft(draft,
                    replacing));
            truncated = found.slots().size() >= SlotSearch.MAX_LIMIT;
            List<AvailabilityWindow> drafted = draft.windows(today, today.plusDays(PREVIEW_DAYS));
            Set<String> listed = new HashSet<>();
            for (Slot slot : found.slots()) {
                // Video sessions are offered at every SSO searched; the advisor's time is one session.
                String key = slot.session().start() + " " + slot.mode()
                        + (slot.mode() == SessionMode.IN_PERSON ? " " + slot.officeId() : "");
                if (!listed.add(key)) {
                    continue;
                }
                var office = found.offices().get(slot.officeId());
                boolean thisRule = drafted.stream().anyMatch(w -> w.serves(slot.mode(), slot.officeId(),
                        slot.session()));
                LocalDate day = Clocks.dateIn(slot.session().start());
                byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(new RulePreviewJson.Session(
                        slot.session().start().atZone(Clocks.SINGAPORE).toOffsetDateTime(),
                        slot.session().end().atZone(Clocks.SINGAPORE).toOffsetDateTime(), slot.mode(),
                        new SlotJson.Ref(office.id(), office.name()), thisRule));
            }
        }
        return new RulePreviewJson(service == null ? null : new SlotJson.Ref(service.id(), service.name().in(sg.linkup.directory.entity.Language.EN)),
                service == null ? null : service.terms().durationMinutes(),
                byDay.entrySet().stream().map(e -> new RulePreviewJson.Day(e.getKey(), e.getValue())).toList(),
                clash, truncated);
    }

    private static Service previewService(Advisor advisor, Long serviceId) {
        List<Service> offered = advisor.services().stream()
                .filter(s -> s.isActive() && s.agency().isActive())
                .sorted(Comparator.comparing(Service::id)).toList();
        if (serviceId == null) {
            return offered.isEmpty() ? null : offered.get(0);
        }
        return offered.stream().filter(s -> s.id().equals(serviceId)).findFirst()
                .orElseThrow(() -> new InvalidInput("service", "the advisor does not offer an active service with id "
                        + serviceId));
    }

    /**
     * The SSOs where the advisor sits in person (by this rule or another); with none, the SSO nearest the agency,
     * whose hours and video rooms then stand for every SSO a video session could be booked from.
     */
    private List<Long> previewOffices(Advisor advisor, AvailabilityRule draft, List<AvailabilityRule> others) {
        Set<Long> ids = new LinkedHashSet<>();
        if (draft.officeId() != null) {
            ids.add(draft.officeId());
        }
        others.stream().map(AvailabilityRule::officeId).filter(java.util.Objects::nonNull).forEach(ids::add);
        if (ids.isEmpty()) {
            var base = advisor.agency().baseLocation();
            em.createQuery("SELECT o FROM Office o WHERE o.active = TRUE", Office.class).getResultList().stream()
                    .min(Comparator.comparingDouble((Office o) -> base == null || o.location() == null ? 0
                            : base.kilometresTo(o.location())).thenComparing(Office::id))
                    .ifPresent(o -> ids.add(o.id()));
        }
        return ids.stream().limit(SlotSearch.MAX_OFFICES).toList();
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

    /** An empty body is bad input, not a NullPointerException (Bean Validation passes a null body by). */
    private static RuleJson given(RuleJson body) {
        if (body == null) {
            throw new InvalidInput("rrule", "send the rule: weekdays and everyWeeks (or an rrule), startTime, endTime, "
                    + "validFrom, modes");
        }
        return body;
    }

    private void refuseClashes(AvailabilityRule rule, long advisorId) {
        for (AvailabilityRule other : rulesOf(advisorId)) {
            if (other == rule) {
                continue;
            }
            rule.firstClashWith(other).ifPresent(day -> {
                throw new RuleOverlap(other, day);
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
