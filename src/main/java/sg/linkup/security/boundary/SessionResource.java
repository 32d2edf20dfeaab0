package sg.linkup.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.LinkupException;
import sg.linkup.security.control.CsrfGuard;
import sg.linkup.security.control.Identity;
import sg.linkup.security.control.LinkupAuthentication;
import sg.linkup.security.entity.Role;

/** Signing in and out of the browser UI: a session cookie plus a CSRF token for state-changing requests. */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Sign-in for the browser UI")
public class SessionResource {

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @Schema(name = "SignIn")
    public record SignInJson(@NotBlank @Size(max = 60) String username,
                             @NotBlank @Size(max = 200) @Schema(format = "password") String password) {
        // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
        // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
        public SignInJson(String username, String password) {
            this.username = username;
            this.password = password;
        }

        @Override
        public String toString() {
            return "SignInJson[username=" + username + ", password=****]";
        }
    }

    @Schema(name = "Session")
    public record SessionJson(String username, Role role, Set<Long> officeIds, Long agencyId,
                              @Schema(description = "send it back in the " + CsrfGuard.HEADER
                                      + " header of every POST, PUT and DELETE") String csrfToken) {
    }

    @POST
    @Operation(summary = "Sign in", description = "Sets the session cookie; answers the CSRF token to send back")
    public SessionJson signIn(@Valid SignInJson body) {
        if (body == null) {
            throw new InvalidInput("username", "send username and password");
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters
                .withParams()
                .credential(new UsernamePasswordCredential(body.username(), body.password()))
                .newAuthentication(true));
        if (status != AuthenticationStatus.SUCCESS) {
            if (request.getAttribute(LinkupAuthentication.FAILURE) instanceof RuntimeException failure) {
                throw failure; // the account could not be read (database down: 503), not refused
            }
            throw new SignInRefused("the username or password is not correct, or the account is locked");
        }
        return current();
    }

    @GET
    @Operation(summary = "Who is signed in")
    public SessionJson current() {
        if (!(request.getAttribute(LinkupAuthentication.IDENTITY) instanceof Identity identity)) {
            throw new SignInRefused("not signed in");
        }
        HttpSession session = request.getSession(false);
        Object csrf = session == null ? null : session.getAttribute(LinkupAuthentication.SESSION_CSRF);
        return new SessionJson(identity.name(), identity.role(), identity.officeIds(), identity.agencyId(),
                identity.via() == Identity.Via.SESSION && csrf instanceof String token ? token : null);
    }

    @DELETE
    @Operation(summary = "Sign out")
    public Response signOut() throws jakarta.servlet.ServletException {
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }

    /** Wrong, unknown, locked or disabled: one answer for all, so accounts cannot be probed. */
    static class SignInRefused extends LinkupException {
        SignInRefused(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 401;
        }

        @Override
        public String type() {
            return "unauthenticated";
        }

        @Override
        public String title() {
            return "Unauthenticated";
        }
    }
}
