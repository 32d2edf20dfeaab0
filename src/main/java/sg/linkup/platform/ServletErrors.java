package sg.linkup.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * web.xml's error page for any exception that escapes a servlet or filter outside JAX-RS (the calendar feed,
 * CsrfGuard): answered like every other error by {@link ProblemMapper}. Payara's own error page would quote the
 * exception — with the database down, the SQL it was running — in HTML.
 */
@WebServlet(ServletErrors.PATH)
public class ServletErrors extends HttpServlet {

    static final String PATH = "/error-problem";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(request, response);
        if (!(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown)) {
            // Asked for directly, not forwarded by the container with an exception.
            ProblemMapper.write(response, 404, "not-found", "Not Found", "Not Found");
            return;
        }
        ProblemMapper.write(response, thrown, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }
}
