package sg.linkup.security.control;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie: HttpOnly, SameSite=Strict, Secure unless {@code linkup.session.secure-cookie=false} (only
 * the dev run over plain http turns it off), and never a session id in a URL.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    public static final String NAME = "LINKUP_SESSION";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        boolean secure = ConfigProvider.getConfig()
                .getOptionalValue("linkup.session.secure-cookie", Boolean.class).orElse(true);
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setName(NAME);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath(context.getContextPath().isEmpty() ? "/" : context.getContextPath());
        cookie.setAttribute("SameSite", "Strict");
        context.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
    }
}
