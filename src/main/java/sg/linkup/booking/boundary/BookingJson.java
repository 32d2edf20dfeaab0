package sg.linkup.booking.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.booking.entity.Booking;
import sg.linkup.booking.entity.BookingStatus;
import sg.linkup.booking.entity.Outcome;
import sg.linkup.client.entity.Client;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.platform.Clocks;

/**
 * A booking as staff see it. It never carries the client's phone number or NRIC (those stay with the client
 * record and its audited reads); a partner sees the referral note only with the client's consent, and SSO staff
 * see the partner's outcome note only with it too.
 */
@Schema(name = "Booking")
public record BookingJson(long id, BookingStatus status, long serviceId, long officeId, SessionMode mode,
                          long advisorId, Long roomId, ClientRef client, OffsetDateTime start, OffsetDateTime end,
                          Instant holdExpiresAt, String referralNote, boolean consentToShare, String videoLink,
                          int sequence, Outcome outcome, String outcomeNote, String cancelReason,
                          @Schema(description = "when the client answered YES by SMS") Instant clientConfirmedAt,
                          Instant checkedInAt, Instant startedAt, Instant finishedAt, String createdBy,
                          Instant createdAt, long version) {

    /** Enough to greet the client and speak their language, nothing to contact them with. */
    @Schema(name = "BookingClient")
    public record ClientRef(long id, String firstName, Language language,
                            @Schema(description = "the SSO that looks after the client; the session may be held at "
                                    + "another (officeId of the booking)") Long officeId) {
    }

    static BookingJson of(Booking b, Client client, boolean partnerView) {
        boolean shareReferral = !partnerView || b.consentToShare();
        boolean shareOutcome = partnerView || b.consentToShare();
        return new BookingJson(b.id(), b.status(), b.serviceId(), b.officeId(), b.mode(), b.advisorId(), b.roomId(),
                new ClientRef(b.clientId(), client == null ? null : client.firstName(),
                        client == null ? null : client.preferredLanguage(), client == null ? null : client.officeId()),
                shown(b.session().start()), shown(b.session().end()), b.holdExpiresAt(),
                shareReferral ? b.referralNote() : null, b.consentToShare(), b.videoLink(), b.sequence(), b.outcome(),
                shareOutcome ? b.outcomeNote() : null, b.cancelReason(), b.clientConfirmedAt(), b.checkedInAt(), b.startedAt(),
                b.finishedAt(), b.createdBy(), b.createdAt(), b.version());
    }

    private static OffsetDateTime shown(Instant instant) {
        return instant.atZone(Clocks.SINGAPORE).toOffsetDateTime();
    }
}
