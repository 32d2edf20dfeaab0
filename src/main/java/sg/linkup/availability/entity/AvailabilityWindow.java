package sg.linkup.availability.entity;

import java.util.Set;
import sg.linkup.directory.entity.SessionMode;

/**
 * One concrete stretch of an advisor's availability: a rule's occurrence on one day. {@code officeId} is the
 * SSO where the advisor sits for IN_PERSON sessions, null when the advisor works only on video from base.
 */
public record AvailabilityWindow(long advisorId, TimeRange range, Set<SessionMode> modes, Long officeId) {

    public AvailabilityWindow {
        modes = Set.copyOf(modes);
    }

    /** Whether a session in this mode, for a client at this office, fits here. */
    public boolean serves(SessionMode mode, long clientOfficeId, TimeRange session) {
        if (!modes.contains(mode) || !range.contains(session)) {
            return false;
        }
        return mode != SessionMode.IN_PERSON || officeId == clientOfficeId;
    }
}
