package sg.linkup.security.boundary;

import static sg.linkup.security.entity.Role.Names.ADMIN;
import static sg.linkup.security.entity.Role.Names.PARTNER;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.directory.entity.PartnerAgency;
import sg.linkup.platform.Lookup;
import sg.linkup.platform.NotFound;
import sg.linkup.security.control.Caller;
import sg.linkup.security.control.Identity;
import sg.linkup.security.entity.ApiToken;

/**
 * A partner agency's API tokens, for its own systems. Issued by an admin or the agency's partner staff (not by
 * another token); the secret is shown once, then only its first characters.
 */
@Path("agencies/{agencyId}/tokens")
@RequestScoped
@Transactional
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens", description = "Partner agencies' keys for their own systems")
@RolesAllowed({ADMIN, PARTNER})
public class TokensResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Context
    UriInfo uriInfo;

    @Schema(name = "ApiTokenRequest")
    public record TokenRequest(@Schema(example = "Availability sync") String name) {
    }

    @Schema(name = "ApiToken")
    public record TokenJson(long id, String name, String prefix, String issuedBy, Instant issuedAt,
                            Instant lastUsedAt, Instant revokedAt,
                            @Schema(description = "the token itself: shown only in the response that issues it")
                            String token) {
        static TokenJson of(ApiToken token, String secret) {
            return new TokenJson(token.id(), token.name(), token.prefix(), token.issuedBy(), token.issuedAt(),
                    token.lastUsedAt(), token.revokedAt(), secret);
        }
    }

    @GET
    @Operation(summary = "List an agency's tokens (without their secrets)")
    public List<TokenJson> list(@PathParam("agencyId") long agencyId) {
        agency(agencyId);
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.agencyId = :agency ORDER BY t.issuedAt DESC",
                        ApiToken.class)
                .setParameter("agency", agencyId)
                .getResultStream().map(t -> TokenJson.of(t, null)).toList();
    }

    @POST
    @Operation(summary = "Issue a token", description = "Keep the token from the response: it is not stored")
    public Response issue(@PathParam("agencyId") long agencyId, TokenRequest body) {
        PartnerAgency agency = agency(agencyId);
        byPerson();
        var issued = ApiToken.issue(agency, body == null ? null : body.name(), caller.identity().name(),
                clock.instant());
        em.persist(issued.token());
        em.flush();
        audit.record(caller.actor(), "TOKEN_ISSUED", "ApiToken", issued.token().id(),
                "agency " + agencyId + ", " + issued.token().prefix() + "…");
        return Response.created(uriInfo.getAbsolutePathBuilder().path(issued.token().id().toString()).build())
                .entity(TokenJson.of(issued.token(), issued.secret())).build();
    }

    @DELETE
    @Path("{tokenId}")
    @Operation(summary = "Revoke a token: it stops working at once")
    public Response revoke(@PathParam("agencyId") long agencyId, @PathParam("tokenId") long tokenId) {
        agency(agencyId);
        byPerson();
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.agencyId() != agencyId) {
            throw new NotFound("ApiToken", tokenId);
        }
        token.revoke(clock.instant());
        audit.record(caller.actor(), "TOKEN_REVOKED", "ApiToken", tokenId, token.prefix() + "…");
        return Response.noContent().build();
    }

    private PartnerAgency agency(long agencyId) {
        caller.requireAgency("PartnerAgency", agencyId, agencyId);
        return Lookup.require(em, PartnerAgency.class, agencyId);
    }

    /** A leaked token must not be able to mint more tokens. */
    private void byPerson() {
        if (caller.identity().via() == Identity.Via.TOKEN) {
            throw new ForbiddenException("tokens are issued and revoked by people, not by tokens");
        }
    }
}
