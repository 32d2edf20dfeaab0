/**
 * Notifications: what Linkup tells clients (SMS in their language) and advisors (calendar invitations), and
 * what clients answer.
 *
 * <ul>
 *   <li>{@code entity}: the outbox row ({@code Notification}: claim, lease, sent, retry, fail, skip), the SMS
 *   texts ({@code SmsTemplates}, {@code SmsSegments}: ≤ 3 segments, no names, no service), reply keywords,
 *   advisors' calendar feeds.</li>
 *   <li>{@code control}: {@code Notifier} writes rows inside the booking change's transaction; {@code Messages}
 *   decides at send time what a row says or that it is stale; {@code Dispatcher} runs this node's
 *   {@code OutboxWorker}, which claims due rows ({@code FOR UPDATE SKIP LOCKED} + lease) and sends them;
 *   {@code Outbox} records outcomes and flags numbers that fail for good; {@code Deliveries} applies delivery
 *   reports; {@code ClientReplies} answers YES / C / STOP / START.</li>
 *   <li>{@code sms}: sending a text, vendor-neutral: {@code SmsSender} (one per provider, chosen by
 *   {@code linkup.sms.provider} in {@code SmsSenders}), {@code SmsChannel} (Fault Tolerance around it),
 *   {@code SmsFailure} (the provider's refusal in our words), {@code DeliveryReport}, and {@code LoggingSms} for
 *   a developer's machine. {@code sms/twilio}: the only package importing the Twilio SDK; {@code calendar}: the
 *   only place building iCalendar text and mail.</li>
 * </ul>
 */
package sg.linkup.notification;
