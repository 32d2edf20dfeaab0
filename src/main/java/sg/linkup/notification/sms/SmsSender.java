package sg.linkup.notification.sms;

import java.time.Instant;
import java.util.Optional;

/**
 * Hands one text message to an SMS provider. Implementations live one package per vendor (the only place that
 * imports the vendor's SDK) and say which they are with {@link SmsProvider}; {@code linkup.sms.provider} picks one.
 */
public interface SmsSender {

    /**
     * Sends {@code sms} now. Returns the provider's id for the message (status callbacks name it).
     *
     * @throws SmsFailure with {@link SmsFailure.Kind} saying whether trying again may help
     */
    Receipt send(Sms sms);

    /**
     * The provider's id of a text with exactly this {@code body} to {@code to} that it took at or after
     * {@code since}, newest first, if it has one. Asked only for a message whose earlier attempt may have gone
     * (its node died before recording the outcome), never on the normal path: one lookup per such message.
     *
     * @throws SmsFailure when the provider cannot say (then nobody knows whether the text went)
     */
    Optional<String> findSent(String to, String body, Instant since);

    /** One text to one E.164 number; {@code statusCallback} is the URL the provider reports delivery to, or null. */
    record Sms(String to, String body, String statusCallback) {
    }

    /** The provider took the message: its id and its first status (e.g. {@code queued}). */
    record Receipt(String providerId, String status) {
    }
}
