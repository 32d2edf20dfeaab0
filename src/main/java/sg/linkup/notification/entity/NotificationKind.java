package sg.linkup.notification.entity;

import java.util.Optional;

/** What a message announces, and by which channel it goes. */
public enum NotificationKind {
    CONFIRMATION(Notification.Channel.SMS, SmsKind.CONFIRMATION),
    RESCHEDULED(Notification.Channel.SMS, SmsKind.RESCHEDULED),
    CANCELLED(Notification.Channel.SMS, SmsKind.CANCELLED),
    REMINDER(Notification.Channel.SMS, SmsKind.REMINDER),
    WAITLIST_OFFER(Notification.Channel.SMS, SmsKind.WAITLIST_OFFER),
    /** A calendar invitation (iTIP REQUEST): new or moved. */
    INVITE(Notification.Channel.EMAIL, null),
    /** A calendar cancellation (iTIP CANCEL). */
    INVITE_CANCEL(Notification.Channel.EMAIL, null);

    private final Notification.Channel channel;
    private final SmsKind text;

    NotificationKind(Notification.Channel channel, SmsKind text) {
        this.channel = channel;
        this.text = text;
    }

    public Notification.Channel channel() {
        return channel;
    }

    /** The SMS template of an SMS kind. */
    public Optional<SmsKind> text() {
        return Optional.ofNullable(text);
    }

    /**
     * Whether a later change of the booking makes this message stale. A cancellation is never stale (it is the
     * last word); a confirmation, an update, a reminder or an invitation about an older state is.
     */
    public boolean staleAfterChange() {
        return this != CANCELLED && this != INVITE_CANCEL;
    }
}
