package sg.linkup.security.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;

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
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.directory.entity.Office;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.ETags;
import sg.linkup.platform.Listing;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.Page;
import sg.linkup.security.control.Caller;
import sg.linkup.security.control.StaffIdentityStore;
import sg.linkup.security.entity.Role;
import sg.linkup.security.entity.StaffAccount;

/** Staff accounts, managed by admins; every change is audited with what the account was and became. */
@Path("staff")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "Sign-in accounts, roles and scopes")
@RolesAllowed(ADMIN)
public class StaffResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    StaffIdentityStore store;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    /** A new password, on its own so that it cannot ride along with other changes unnoticed. */
    public record PasswordJson(String password) {
        @Override
        public String toString() {
            return "PasswordJson[****]";
        }
    }

    @GET
    @Operation(summary = "List staff accounts")
    public Page<StaffJson> list(@QueryParam("q") String q, @QueryParam("role") Role role,
                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return Listing.of(em, StaffAccount.class, "username")
                .when(q, (cb, s) -> cb.or(cb.like(cb.lower(s.get("username")), Listing.containing(q)),
                        cb.like(cb.lower(s.get("displayName")), Listing.containing(q))))
                .when(role, (cb, s) -> cb.equal(s.get("role"), role))
                .page(page, size)
                .map(StaffJson::of);
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(StaffJson.class)
    public Response get(@PathParam("id") long id) {
        StaffAccount account = Lookup.require(em, StaffAccount.class, id);
        return ETags.ok(StaffJson.of(account), account.version());
    }

    @POST
    @Operation(summary = "Create a staff account")
    public Response create(@Valid StaffJson body) {
        StaffAccount.checkNewPassword(body.password(), body.username());
        var account = new StaffAccount(body.username(), body.displayName(), store.hash(body.password()),
                grant(body));
        em.persist(account);
        em.flush();
        audit.record(caller.actor(), "ACCOUNT_CREATED", "StaffAccount", account.id(),
                account.username() + ": " + StaffJson.describe(account));
        return ETags.created(uriInfo.getAbsolutePathBuilder().path(account.id().toString()).build(),
                StaffJson.of(account), account.version());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an account's name, role or scope (not its password)",
            description = "412 if If-Match names an older version")
    @APIResponseSchema(StaffJson.class)
    public Response update(@PathParam("id") long id, @Valid StaffJson body) {
        StaffAccount account = Lookup.require(em, StaffAccount.class, id);
        ETags.requireCurrent(headers, account.version(), "StaffAccount " + id);
        String before = StaffJson.describe(account);
        account.describe(body.displayName(), grant(body));
        em.flush();
        audit.record(caller.actor(), "ACCOUNT_CHANGED", "StaffAccount", id,
                before + " → " + StaffJson.describe(account));
        return ETags.ok(StaffJson.of(account), account.version());
    }

    @POST
    @Path("{id}/password")
    @Operation(summary = "Set a new password (for example after the owner forgot it)")
    public StaffJson password(@PathParam("id") long id, PasswordJson body) {
        StaffAccount account = Lookup.require(em, StaffAccount.class, id);
        StaffAccount.checkNewPassword(body == null ? null : body.password(), account.username());
        account.changePasswordHash(store.hash(body.password()));
        account.unlock();
        audit.record(caller.actor(), "ACCOUNT_PASSWORD_SET", "StaffAccount", id, null);
        return StaffJson.of(account);
    }

    @POST
    @Path("{id}/unlock")
    @Operation(summary = "Lift a lock-out after too many failed sign-ins")
    public StaffJson unlock(@PathParam("id") long id) {
        return change(id, "ACCOUNT_UNLOCKED", StaffAccount::unlock);
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "Disable an account: its sessions end with their next request")
    public StaffJson disable(@PathParam("id") long id) {
        return change(id, "ACCOUNT_DISABLED", StaffAccount::disable);
    }

    @POST
    @Path("{id}/enable")
    public StaffJson enable(@PathParam("id") long id) {
        return change(id, "ACCOUNT_ENABLED", StaffAccount::enable);
    }

    /** One audited change of state to one account. */
    private StaffJson change(long id, String action, Consumer<StaffAccount> change) {
        StaffAccount account = Lookup.require(em, StaffAccount.class, id);
        change.accept(account);
        audit.record(caller.actor(), action, "StaffAccount", id, null);
        return StaffJson.of(account);
    }

    private StaffAccount.Grant grant(StaffJson body) {
        Set<Office> offices = body.officeIds() == null ? Set.of() : body.officeIds().stream()
                .map(id -> Lookup.reference(em, Office.class, id, "officeIds"))
                .collect(Collectors.toSet());
        PartnerAgency agency = body.agencyId() == null ? null
                : Lookup.reference(em, PartnerAgency.class, body.agencyId(), "agencyId");
        return new StaffAccount.Grant(body.role(), offices, agency);
    }
}
