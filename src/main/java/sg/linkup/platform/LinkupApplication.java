package sg.linkup.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(title = "Linkup", version = "0.1",
        description = "Books Social Service Office clients into in-person and video sessions with partner agencies."))
public class LinkupApplication extends Application {
}
