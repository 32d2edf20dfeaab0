package sg.linkup.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Linkup", version = "0.1",
        description = "Books Social Service Office clients into in-person and video sessions with partner agencies."))
public class LinkupApplication extends Application {

    /**
     * Answers are gzipped for clients that accept it, by Jersey's own encoder (Payara's JAX-RS implementation):
     * the booking screen's free-times answer is ~110 KB of JSON, a quarter of the screen's first load, and about a
     * tenth of that compressed. Named by class name, not imported, so no Jersey type enters the code, and the
     * classes stay found by scanning (overriding getClasses() would end that).
     * <p>
     * BREACH (a secret's length leaking through compression) needs a response that carries both a secret and text
     * an attacker chose. The only secrets in answers are the CSRF token ({@code /api/session}: the caller's own
     * name, role and scope beside it), a new partner token and a calendar-feed link, shown once to their owner; none
     * echoes request text, so compressing them leaks nothing an attacker can steer.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.EncodingFilter,org.glassfish.jersey.message.GZipEncoder");
    }
}
