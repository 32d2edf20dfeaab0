package sg.linkup.notification.entity;

import java.time.Instant;
import sg.linkup.directory.entity.SessionMode;

/**
 * Everything an SMS may say about a booking, and nothing more: no client name and no service or agency name,
 * because a text on a shared phone must not reveal that someone sees, say, a legal-aid or family service.
 * Replies that name no appointment take {@link #none()}.
 *
 * @param officeName the SSO, e.g. "SSO@Tampines"
 * @param start      UTC; shown in Singapore time
 * @param videoLink  sent only for video sessions; null or blank when there is none
 * @param offerMinutes how long a waitlist offer stays open; 0 when not an offer
 */
public record SmsFacts(String officeName, Instant start, SessionMode mode, String videoLink, int offerMinutes) {

    public SmsFacts {
        if (officeName != null) {
            officeName = officeName.strip();
            if (officeName.isEmpty()) {
                throw new IllegalArgumentException("office name is blank");
            }
        }
        if (videoLink != null) {
            videoLink = videoLink.strip();
            if (videoLink.isEmpty()) {
                videoLink = null;
            }
        }
        if (offerMinutes < 0) {
            throw new IllegalArgumentException("offer minutes must not be negative: " + offerMinutes);
        }
    }

    public static SmsFacts none() {
        return new SmsFacts(null, null, null, null, 0);
    }

    /** The link to send, or null: only video sessions have one worth sending. */
    String linkToSend() {
        return mode == SessionMode.IN_PERSON ? null : videoLink;
    }
}
