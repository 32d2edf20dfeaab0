package sg.linkup.notification.calendar;

import java.util.regex.Pattern;

/**
 * Keeps full email addresses out of logs, error messages and screens: "alice@example.com" becomes
 * "a***@example.com". The one way Linkup prints an address.
 */
public final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile("([^\\s@<>\"'(),;:]?)[^\\s@<>\"'(),;:]*@");

    private Addresses() {
    }

    /**
     * One address, masked; a one-letter local part is hidden entirely, and something that is not an address at
     * all keeps only its first character.
     */
    public static String maskedAddress(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return address.charAt(0) + "***";
        }
        return (at > 1 ? address.substring(0, 1) : "") + "***" + address.substring(at);
    }

    /** The text with the local part of every address in it masked, first character kept. */
    static String masked(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("$1***@");
    }
}
