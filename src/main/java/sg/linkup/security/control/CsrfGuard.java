package sg.linkup.security.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import sg.linkup.platform.ProblemMapper;

/**
 * A state-changing request authenticated by the session cookie must repeat the session's CSRF token in
 * {@code X-CSRF-Token} (the token comes with the sign-in response). The cookie is SameSite=Strict already;
 * this is the second lock. Requests with Basic credentials or an API token carry no ambient authority and need
 * no token. Mapped in web.xml, after the security headers.
 */
public class CsrfGuard extends HttpFilter {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || isSignIn(request)
                || !(request.getAttribute(LinkupAuthentication.IDENTITY) instanceof Identity identity)
                || identity.via() != Identity.Via.SESSION) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(LinkupAuthentication.SESSION_CSRF);
        String given = request.getHeader(HEADER);
        if (expected instanceof String token && given != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(request, response);
            return;
        }
        ProblemMapper.write(response, 403, "csrf", "Missing or wrong CSRF token",
                "send the csrfToken from the sign-in response in the " + HEADER + " header");
    }

    private static boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                && (request.getContextPath() + "/api/session").equals(request.getRequestURI());
    }
}
