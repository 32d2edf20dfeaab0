package sg.linkup.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.audit.control.AuditTrail;
import sg.linkup.audit.entity.AuditEvent;
import sg.linkup.security.entity.StaffAccount;

/**
 * Staff accounts in the database, passwords checked with Jakarta Security's PBKDF2 hash. Counts failed
 * attempts and locks the account for a while after too many; failures are audited in their own transaction,
 * since the sign-in itself fails.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(StaffIdentityStore.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash hasher;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "linkup.signin.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "linkup.signin.lock-minutes", defaultValue = "15")
    int lockMinutes;

    /** New hashes only: each stored hash carries its own count. Jakarta Security accepts 1024 or more. */
    @Inject
    @ConfigProperty(name = "linkup.password.pbkdf2-iterations", defaultValue = "120000")
    int iterations;

    /** Checked against when the username is unknown, so that a miss takes as long as a wrong password. */
    private String decoyHash;

    @PostConstruct
    void configure() {
        hasher.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = hasher.generate("not a real password, only a decoy".toCharArray());
    }

    /** A new hash for a password that has passed {@link StaffAccount#checkNewPassword}. */
    public String hash(String password) {
        return hasher.generate(password.toCharArray());
    }

    /** The entry point Jakarta Security calls; the transaction starts here, where the interceptor sees it. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof UsernamePasswordCredential password ? validate(password)
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller() == null ? "" : credential.getCaller().strip().toLowerCase();
        Instant now = clock.instant();
        Optional<StaffAccount> found = em.createQuery(
                        "SELECT s FROM StaffAccount s WHERE s.username = :username", StaffAccount.class)
                .setParameter("username", username)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            hasher.verify(credential.getPassword().getValue(), decoyHash);
            failed(username, null, "unknown username");
            return CredentialValidationResult.INVALID_RESULT;
        }
        StaffAccount account = found.get();
        boolean matches = hasher.verify(credential.getPassword().getValue(), account.passwordHash());
        if (!account.maySignInAt(now)) {
            failed(username, account.id(), account.isEnabled() ? "account locked until " + account.lockedUntil()
                    : "account disabled");
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!matches) {
            account.recordFailedSignIn(now, maxFailures, Duration.ofMinutes(lockMinutes));
            boolean locked = account.isLockedAt(now);
            failed(username, account.id(), locked ? "wrong password; account now locked for " + lockMinutes
                    + " minutes" : "wrong password");
            if (locked) {
                LOG.warning(() -> "Staff account " + account.id() + " locked after " + maxFailures
                        + " failed sign-ins");
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (account.failedAttempts() > 0) {
            account.unlock();
        }
        return new CredentialValidationResult(new LinkupPrincipal(identityOf(account, Identity.Via.BASIC)),
                Set.of(account.role().name()));
    }

    /** Re-reads an account for a request that comes with a session: a disabled or locked one is signed out. */
    public Optional<Identity> current(String username, Identity.Via via) {
        Instant now = clock.instant();
        return em.createQuery("SELECT s FROM StaffAccount s WHERE s.username = :username", StaffAccount.class)
                .setParameter("username", username)
                .getResultStream()
                .filter(account -> account.maySignInAt(now))
                .findFirst()
                .map(account -> identityOf(account, via));
    }

    /** A session sign-in succeeded: remember when, and audit it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void signedIn(Identity identity) {
        em.createQuery("UPDATE StaffAccount s SET s.lastSignInAt = :now WHERE s.username = :username")
                .setParameter("now", clock.instant())
                .setParameter("username", identity.name())
                .executeUpdate();
        audit.record(identity.actor(), "SIGN_IN", "StaffAccount", null, "session");
    }

    private void failed(String username, Long accountId, String why) {
        audit.record(new AuditEvent.Actor(username.isEmpty() ? "(blank)" : username, null, null),
                "SIGN_IN_FAILED", "StaffAccount", accountId, why);
    }

    static Identity identityOf(StaffAccount account, Identity.Via via) {
        return new Identity(account.username(), account.role(), account.officeIds(), account.agencyId(), via);
    }
}
