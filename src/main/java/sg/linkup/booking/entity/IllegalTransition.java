package sg.linkup.booking.entity;

import sg.linkup.platform.Conflict;

/** The booking's state does not allow this change (check in a cancelled booking, cancel a completed one). */
public class IllegalTransition extends Conflict {

    public IllegalTransition(String action, BookingStatus status) {
        super("cannot " + action + " a booking that is " + status);
    }

    @Override
    public String type() {
        return "illegal-transition";
    }

    @Override
    public String title() {
        return "Not allowed in this state";
    }
}
