package sg.linkup.video;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

class VideoMeetingsProducerTest {

    final VideoMeetings jitsi = JitsiMeetingsTest.jitsi("https://meet.jit.si", null, null, null);
    final VideoMeetings zoom = request -> new VideoMeetings.Meeting("https://zoom.example/j/1", "zoom", "1");

    /** What CDI sees: each implementation under the name its qualifier gives it. */
    final Map<String, Supplier<VideoMeetings>> available = Map.of(
            JitsiMeetings.class.getAnnotation(VideoProvider.class).value(), () -> jitsi,
            "zoom", () -> zoom);

    @Test
    void jitsiIsTheProviderWhenNoneIsConfigured() throws Exception {
        String unset = VideoMeetingsProducer.class.getDeclaredField("provider")
                .getAnnotation(ConfigProperty.class).defaultValue();
        assertSame(jitsi, VideoMeetingsProducer.choose(unset, available));
    }

    @Test
    void theConfiguredProviderIsChosenWhateverItsCase() {
        assertSame(zoom, VideoMeetingsProducer.choose(" Zoom ", available));
        assertSame(jitsi, VideoMeetingsProducer.choose("JITSI", available));
    }

    @Test
    void anUnknownProviderStopsTheStartNamingTheKnownOnes() {
        var refused = assertThrows(IllegalStateException.class,
                () -> VideoMeetingsProducer.choose("teams", Map.of("jitsi", () -> jitsi)));
        assertTrue(refused.getMessage().contains("linkup.video.provider is 'teams'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("[jitsi]"), refused.getMessage());
    }

    @Test
    void onlyTheChosenProviderIsCreated() {
        Supplier<VideoMeetings> mustNotBeCreated = () -> {
            throw new AssertionError("an unchosen provider was created");
        };
        assertSame(jitsi, VideoMeetingsProducer.choose("jitsi",
                Map.of("jitsi", () -> jitsi, "zoom", mustNotBeCreated)));
    }
}
