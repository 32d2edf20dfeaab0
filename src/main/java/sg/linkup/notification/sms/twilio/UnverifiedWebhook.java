package sg.linkup.notification.sms.twilio;

import sg.linkup.platform.LinkupException;

/** A webhook call without Twilio's valid signature for this URL and these parameters. → 403 */
public class UnverifiedWebhook extends LinkupException {

    public UnverifiedWebhook() {
        super("X-Twilio-Signature is missing or does not match this URL and these parameters");
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String type() {
        return "webhook-signature";
    }

    @Override
    public String title() {
        return "Webhook not signed by Twilio";
    }
}
