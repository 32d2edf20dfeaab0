package sg.linkup.notification.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@code @Default} {@link SmsSender}: the implementation named in {@code linkup.sms.provider}. The
 * default is {@code log}, which sends nothing, so a dev run or a misconfigured node never texts real people;
 * production sets {@code twilio}.
 */
@ApplicationScoped
public class SmsSenders {

    @Inject
    @ConfigProperty(name = "linkup.sms.provider", defaultValue = "log")
    String provider;

    @Produces
    @ApplicationScoped
    SmsSender sender(@Any Instance<SmsSender> candidates) {
        String name = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
        Instance<SmsSender> chosen = candidates.select(new SmsProvider.Literal(name));
        if (!chosen.isResolvable()) {
            throw new IllegalStateException("linkup.sms.provider is '" + provider
                    + "', but no SMS sender has that name (known: log, twilio)");
        }
        return chosen.get();
    }

    /** A wrong provider name or missing credentials stop the deployment, not the first message. */
    void verifyAtStart(@Observes Startup started, SmsSender sender) {
        sender.toString();  // the one Object method a client proxy passes on: creates the chosen sender now
    }
}
