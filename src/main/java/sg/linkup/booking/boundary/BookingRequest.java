package sg.linkup.booking.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import sg.linkup.booking.control.Bookings;
import sg.linkup.booking.entity.Booking;
import sg.linkup.client.boundary.ClientJson;
import sg.linkup.directory.entity.SessionMode;

/**
 * A hold or a booking: either {@code holdId} (book what was held) or a slot as slot search offered it —
 * service, office, mode, start, and optionally the advisor and room — for a client given by id or inline.
 */
@Schema(name = "BookingRequest")
public record BookingRequest(
        @Schema(description = "book this hold; the slot fields are then ignored") Long holdId,
        Long serviceId,
        @Schema(description = "the SSO the session is held at: any active one, not only the client's") Long officeId,
        SessionMode mode,
        @Schema(example = "2026-12-01T10:00:00+08:00") OffsetDateTime start,
        @Schema(description = "default: the advisor slot search suggests") Long advisorId,
        @Schema(description = "default: the room slot search suggests") Long roomId,
        Long clientId,
        @Valid @Schema(description = "a client to register at one of the caller's offices (its officeId) and book "
                + "at once, instead of clientId")
        ClientJson client,
        @Size(max = Booking.NOTE_LENGTH) String referralNote,
        @Schema(description = "the client agrees that the partner may read the referral note")
        Boolean consentToShare) {
    // Explicit canonical constructor: it keeps the constraint annotations off its parameters, where
    // Payara 6.2025.10's OpenAPI scanner would crash on them (payara/Payara#7649).
    public BookingRequest(Long holdId, Long serviceId, Long officeId, SessionMode mode, OffsetDateTime start,
                          Long advisorId, Long roomId, Long clientId, ClientJson client, String referralNote,
                          Boolean consentToShare) {
        this.holdId = holdId;
        this.serviceId = serviceId;
        this.officeId = officeId;
        this.mode = mode;
        this.start = start;
        this.advisorId = advisorId;
        this.roomId = roomId;
        this.clientId = clientId;
        this.client = client;
        this.referralNote = referralNote;
        this.consentToShare = consentToShare;
    }

    Bookings.Wanted wanted(Long client) {
        return new Bookings.Wanted(serviceId, officeId, mode, start == null ? null : start.toInstant(), advisorId,
                roomId, client);
    }

    Booking.Referral referral() {
        return new Booking.Referral(referralNote, Boolean.TRUE.equals(consentToShare));
    }
}
