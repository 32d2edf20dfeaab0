package sg.linkup.notification.sms;

/**
 * What a provider's status callback said about one message: its id, the status in Linkup's vocabulary, and the
 * provider's error code when it failed (null otherwise).
 */
public record DeliveryReport(String providerId, Status status, String errorCode) {

    public enum Status {
        QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED
    }
}
