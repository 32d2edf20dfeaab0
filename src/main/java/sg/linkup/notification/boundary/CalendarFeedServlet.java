package sg.linkup.notification.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import sg.linkup.notification.control.CalendarFeeds;
import sg.linkup.platform.ProblemMapper;

/**
 * {@code GET /calendar/{token}.ics}: an advisor's sessions for calendar programs, which cannot sign in — the
 * unguessable token is the key. Outside {@code /api} so that no sign-in is asked for.
 */
@WebServlet("/calendar/*")
public class CalendarFeedServlet extends HttpServlet {

    @Inject
    CalendarFeeds feeds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<String> calendar = path == null || !path.matches("/[A-Za-z0-9_-]{20,100}\\.ics")
                ? Optional.empty()
                : feeds.render(path.substring(1, path.length() - ".ics".length()));
        if (calendar.isEmpty()) {
            // The same answer for a malformed, unknown or revoked token: nothing to learn by trying.
            ProblemMapper.write(response, 404, "not-found", "No such calendar",
                    "the link is wrong or was revoked; ask for a new one in Linkup");
            return;
        }
        byte[] body = calendar.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar; charset=UTF-8");
        // Calendar programs poll; a few minutes of their own caching is fine, shared caches must not keep it.
        response.setHeader("Cache-Control", "private, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
