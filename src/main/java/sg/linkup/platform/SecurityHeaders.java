package sg.linkup.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response of the application carries, set before the response is written so that errors get
 * them too (mapped first in web.xml). The API
 * serves JSON about vulnerable people: nothing may frame it, sniff it, cache it or leak its URLs.
 */
public class SecurityHeaders extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** Also called where a response is written before any filter runs (authentication refusals). */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        // img-src adds data: images only: SGDS draws its checkbox tick and radio dot as data: SVGs, and without
        // them a ticked consent box looks like an empty filled square. Images run no code; scripts, styles and
        // everything else stay 'self' only.
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
