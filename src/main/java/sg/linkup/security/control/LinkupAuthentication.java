package sg.linkup.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import sg.linkup.platform.ProblemMapper;
import sg.linkup.platform.SecurityHeaders;

/**
 * How a request proves who sent it, in order:
 * <ol>
 *   <li>{@code Authorization: Bearer lk_…} — a partner agency's API token (its systems);</li>
 *   <li>{@code Authorization: Basic …} — a member of staff's script, over TLS;</li>
 *   <li>the session cookie set by {@code POST /api/session} — the browser UI. Each request re-reads the account,
 *       so disabling or locking it ends its sessions at once.</li>
 * </ol>
 * Wrong credentials are a 401 problem even on open paths; no credentials on a protected path also. The
 * identity goes into a request attribute for {@link Caller}.
 */
@ApplicationScoped
public class LinkupAuthentication implements HttpAuthenticationMechanism {

    public static final String IDENTITY = "sg.linkup.identity";
    static final String SESSION_USER = "sg.linkup.user";
    public static final String SESSION_CSRF = "sg.linkup.csrf";
    /** Request attribute: what failed while a sign-in was checked, for the sign-in resource to answer. */
    public static final String FAILURE = "sg.linkup.authentication-failure";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    StaffIdentityStore staff;

    @Inject
    @ConfigProperty(name = "linkup.session.idle-minutes", defaultValue = "15")
    int idleMinutes;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            // Reading the account failed (the database is down: 503; anything else: 500 with an incident id).
            if (context.isAuthenticationRequest()) {
                // POST /api/session asked for this: its resource answers, through ProblemMapper.
                request.setAttribute(FAILURE, e);
                return AuthenticationStatus.SEND_FAILURE;
            }
            // Payara would answer an exception from here with an empty 500, before any mapper or filter runs.
            try {
                SecurityHeaders.apply(request, response);
                ProblemMapper.write(response, e, request.getRequestURI());
            } catch (IOException io) {
                e.addSuppressed(io);
                throw e;
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        Credential login = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && login != null) {
            return signIn(request, login, context);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accept(identityStores.validate(new ApiTokenCredential(authorization.substring(7).strip())),
                    request, response, context);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential credential = basic(authorization.substring(6).strip());
            if (credential == null) {
                return refuse(request, response, context, "the Basic credentials are not valid base64 user:password");
            }
            return accept(identityStores.validate(credential), request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String username) {
            var identity = staff.current(username, Identity.Via.SESSION);
            if (identity.isPresent()) {
                request.setAttribute(IDENTITY, identity.get());
                return context.notifyContainerAboutLogin(new LinkupPrincipal(identity.get()),
                        Set.of(identity.get().role().name()));
            }
            session.invalidate();
        }
        if (context.isProtected()) {
            return refuse(request, response, context, "sign in (POST /api/session), or send Basic credentials or an API token");
        }
        return context.doNothing();
    }

    /** A sign-in through the login endpoint: on success a fresh session (no fixation) with its CSRF token. */
    private AuthenticationStatus signIn(HttpServletRequest request, Credential credential,
                                        HttpMessageContext context) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof LinkupPrincipal principal)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(idleMinutes * 60);
        session.setAttribute(SESSION_USER, principal.getName());
        byte[] csrf = new byte[32];
        RANDOM.nextBytes(csrf);
        session.setAttribute(SESSION_CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(csrf));
        Identity identity = new Identity(principal.identity().name(), principal.identity().role(),
                principal.identity().officeIds(), principal.identity().agencyId(), Identity.Via.SESSION);
        request.setAttribute(IDENTITY, identity);
        staff.signedIn(identity);
        return context.notifyContainerAboutLogin(new LinkupPrincipal(identity), result.getCallerGroups());
    }

    private AuthenticationStatus accept(CredentialValidationResult result, HttpServletRequest request,
                                        HttpServletResponse response, HttpMessageContext context) {
        if (result.getStatus() == CredentialValidationResult.Status.VALID
                && result.getCallerPrincipal() instanceof LinkupPrincipal principal) {
            request.setAttribute(IDENTITY, principal.identity());
            return context.notifyContainerAboutLogin(principal, result.getCallerGroups());
        }
        return refuse(request, response, context, "the credentials were not accepted");
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context, String detail) {
        try {
            // No filter runs for a refused request, so the headers every response carries are set here.
            SecurityHeaders.apply(request, response);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"linkup\"");
            ProblemMapper.write(response, 401, "unauthenticated", "Unauthenticated", detail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static UsernamePasswordCredential basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 1 ? null
                    : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
