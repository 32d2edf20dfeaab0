package sg.linkup.ui.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the screens must know before anyone signs in, which {@code /api/session} cannot tell (it answers 401 then):
 * whether to show the official "A Singapore Government Agency Website" masthead — only a site on a gov.sg domain may —
 * after how many idle minutes a session ends, so that the screens warn a minute ahead, and where the deployment
 * publishes the README's method of the travel-saved report (the reports screen links to it). Open to everyone
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

    @Inject
    @ConfigProperty(name = "linkup.ui.travel-method-url")
    Optional<String> travelMethodUrl;

    @Schema(name = "UiSettings")
    public record UiSettingsJson(
            @Schema(description = "show the official SGDS masthead (linkup.ui.official-masthead)") boolean officialMasthead,
            @Schema(description = "a browser session ends after this many minutes without a request") int idleMinutes,
            @Schema(description = "where the README's travel-saved method is published "
                    + "(linkup.ui.travel-method-url); null: the screen names the section without a link")
            String travelMethodUrl) {
    }

    @GET
    @Operation(summary = "Settings the screens read before sign-in")
    public UiSettingsJson settings() {
        return new UiSettingsJson(officialMasthead, idleMinutes, travelMethodUrl.filter(url -> !url.isBlank()).orElse(null));
    }
}
