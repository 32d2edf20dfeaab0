package sg.linkup.video;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a video session takes place. Booking code injects this type only; which service answers is chosen by
 * {@code linkup.video.provider} (see {@link VideoMeetingsProducer}).
 */
public interface VideoMeetings {

    /** A meeting for one booked session; its link works from shortly before the start to a while after the end. */
    Meeting create(MeetingRequest request);

    /**
     * The form of a meeting's link that may go to the client by SMS: short, and without anything that makes its
     * holder the host. Providers whose links carry a host token override this.
     */
    default String guestLink(String joinUrl) {
        return joinUrl;
    }

    /** What a provider needs to know about the session; the advisor is the one who hosts it. */
    record MeetingRequest(long bookingId, Instant start, Instant end, String advisorName, String advisorEmail) {
        public MeetingRequest {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a meeting must end after it starts");
            }
        }
    }

    /** The link people join with, which provider made it, and the provider's own name for the room. */
    record Meeting(String joinUrl, String provider, String roomName) {
        public Meeting {
            Objects.requireNonNull(joinUrl, "joinUrl");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(roomName, "roomName");
        }

        /** The link may carry a token that lets anyone in: it never goes into a log line by accident. */
        @Override
        public String toString() {
            return "Meeting[provider=" + provider + ", roomName=" + roomName + "]";
        }
    }
}
