package sg.linkup.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import sg.linkup.security.entity.ApiToken;
import sg.linkup.security.entity.Role;

/** Partner agencies' API tokens: looked up by their SHA-256, refused once revoked. */
@ApplicationScoped
public class TokenIdentityStore implements IdentityStore {

    /** "Last used" is a hint for the agency, not a log: refreshed at most this often, to spare a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The entry point Jakarta Security calls; the transaction starts here, where the interceptor sees it. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof ApiTokenCredential token ? validate(token)
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    CredentialValidationResult validate(ApiTokenCredential credential) {
        if (credential.token() == null || !credential.token().startsWith(ApiToken.PREFIX)
                || credential.token().length() > 100) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Instant now = clock.instant();
        var found = em.createQuery("SELECT t FROM ApiToken t WHERE t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", ApiToken.hash(credential.token()))
                .getResultStream()
                .filter(token -> token.isUsableAt(now))
                .findFirst();
        if (found.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        ApiToken token = found.get();
        em.createQuery("UPDATE ApiToken t SET t.lastUsedAt = :now WHERE t.id = :id "
                        + "AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :stale)")
                .setParameter("now", now)
                .setParameter("id", token.id())
                .setParameter("stale", now.minus(LAST_USED_PRECISION))
                .executeUpdate();
        var identity = new Identity("token:" + token.prefix(), Role.PARTNER, Set.of(), token.agencyId(),
                Identity.Via.TOKEN);
        return new CredentialValidationResult(new LinkupPrincipal(identity), Set.of(Role.PARTNER.name()));
    }
}
