package sg.linkup.ui.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the screens must know before anyone signs in, which {@code /api/session} cannot tell (it answers 401 then):
 * whether to show the official "A Singapore Government Agency Website" masthead — only a site on a gov.sg domain may —
 * and after how many idle minutes a session ends, so that the screens warn a minute ahead. Open to everyone
 * (web.xml); it holds nothing secret.
 */
@Path("ui-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Sign-in for the browser UI")
public class UiSettingsResource {

    @Inject
    @ConfigProperty(name = "linkup.ui.official-masthead", defaultValue = "false")
    boolean officialMasthead;

    @Inject
    @ConfigProperty(name = "linkup.session.idle-minutes", defaultValue = "15")
    int idleMinutes;

    @Schema(name = "UiSettings")
    public record UiSettingsJson(
            @Schema(description = "show the official SGDS masthead (linkup.ui.official-masthead)") boolean officialMasthead,
            @Schema(description = "a browser session ends after this many minutes without a request") int idleMinutes) {
    }

    @GET
    @Operation(summary = "Settings the screens read before sign-in")
    public UiSettingsJson settings() {
        return new UiSettingsJson(officialMasthead, idleMinutes);
    }
}
