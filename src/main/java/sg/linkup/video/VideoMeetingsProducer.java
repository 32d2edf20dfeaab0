package sg.linkup.video;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one {@code @Default} {@link VideoMeetings}: the implementation whose {@link VideoProvider} name is
 * configured in {@code linkup.video.provider}. Implementations are found by their qualifier, so a new one is a
 * new class and a configuration value, never a change here or in booking code.
 */
@ApplicationScoped
public class VideoMeetingsProducer {

    @Inject
    @ConfigProperty(name = "linkup.video.provider", defaultValue = JitsiMeetings.NAME)
    String provider;

    @Produces
    @ApplicationScoped
    VideoMeetings meetings(@Any Instance<VideoMeetings> candidates) {
        return choose(provider, byName(candidates));
    }

    /** A wrong provider name or a provider's bad settings stop the deployment, not the first video booking. */
    void verifyAtStart(@Observes Startup started, VideoMeetings meetings) {
        // toString() is the one Object method a client proxy must pass on (CDI 4.0, 5.4.1), so this creates the
        // chosen provider now and runs its own checks.
        meetings.toString();
    }

    /**
     * The provider named {@code configured} (case and surrounding blanks ignored) among those available; only
     * that one is created.
     */
    static VideoMeetings choose(String configured, Map<String, Supplier<VideoMeetings>> available) {
        String name = configured == null ? "" : configured.strip().toLowerCase(Locale.ROOT);
        Supplier<VideoMeetings> chosen = available.get(name);
        if (chosen == null) {
            throw new IllegalStateException("linkup.video.provider is '" + configured
                    + "', but no video provider has that name; known: " + available.keySet());
        }
        return chosen.get();
    }

    /** Every implementation by its {@link VideoProvider} name; handles create nothing until asked. */
    private static Map<String, Supplier<VideoMeetings>> byName(Instance<VideoMeetings> candidates) {
        Map<String, Supplier<VideoMeetings>> byName = new TreeMap<>();
        for (Instance.Handle<VideoMeetings> handle : candidates.handles()) {
            handle.getBean().getQualifiers().stream()
                    .filter(VideoProvider.class::isInstance)
                    .map(qualifier -> ((VideoProvider) qualifier).value())
                    .findFirst()
                    .ifPresent(name -> {
                        if (byName.putIfAbsent(name, handle::get) != null) {
                            throw new IllegalStateException("two video providers are named '" + name + "'");
                        }
                    });
        }
        return byName;
    }
}
