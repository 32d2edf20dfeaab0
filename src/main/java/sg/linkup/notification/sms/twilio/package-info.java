/**
 * Twilio, and only here: the one package that imports the Twilio SDK ({@code com.twilio}).
 * {@link sg.linkup.notification.sms.twilio.TwilioSms} is the {@code SmsSender} named {@code twilio}: one POST
 * per message on its own {@code TwilioRestClient}, Twilio's error codes turned into {@code SmsFailure} kinds, and
 * one GET of the Messages list (by {@code To}) to find a text a dead node may have sent.
 * {@link sg.linkup.notification.sms.twilio.TwilioWebhooks} takes Twilio's calls back — delivery reports and
 * clients' replies — after {@link sg.linkup.notification.sms.twilio.TwilioSignatures} has checked that Twilio
 * signed them.
 *
 * <p>Configuration: {@code linkup.twilio.account-sid}, {@code linkup.twilio.auth-token} (environment only),
 * {@code linkup.twilio.messaging-service-sid} or {@code linkup.twilio.from}, {@code linkup.twilio.api-base-url}
 * (default https://api.twilio.com), {@code linkup.twilio.max-connections} (64),
 * {@code linkup.twilio.timeout-millis} (10000), {@code linkup.twilio.webhook-base-url} (the public origin
 * Twilio calls, when a proxy stands in front).
 */
package sg.linkup.notification.sms.twilio;
