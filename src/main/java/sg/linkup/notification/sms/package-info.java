/**
 * Sending a text, without naming a vendor: {@link sg.linkup.notification.sms.SmsSender} is the one interface a
 * provider implements (in its own package, the only one importing its SDK), named with
 * {@link sg.linkup.notification.sms.SmsProvider} and chosen by {@code linkup.sms.provider}
 * ({@link sg.linkup.notification.sms.SmsSenders}). The outbox sends through
 * {@link sg.linkup.notification.sms.SmsChannel}, which adds Fault Tolerance; providers report refusals as
 * {@link sg.linkup.notification.sms.SmsFailure} and deliveries as {@link sg.linkup.notification.sms.DeliveryReport},
 * in Linkup's words. {@code SmsSender.findSent} asks the provider whether it already has a text, for a message
 * taken over from a node that died mid-send. {@link sg.linkup.notification.sms.LoggingSms} sends nothing (a
 * developer's machine) and finds nothing.
 */
package sg.linkup.notification.sms;
