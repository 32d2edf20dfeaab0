package sg.linkup.notification.calendar;

import java.util.regex.Pattern;

/** Keeps full email addresses out of logs and error messages: "alice@example.com" becomes "a***@example.com". */
final class Addresses {

    private static final Pattern ADDRESS = Pattern.compile("([^\\s@<>\"'(),;:]?)[^\\s@<>\"'(),;:]*@");

    private Addresses() {
    }

    /** One address, masked; something that is not an address at all keeps only its first character. */
    static String maskedAddress(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        int at = address.lastIndexOf('@');
        return address.charAt(0) + "***" + (at > 0 ? address.substring(at) : "");
    }

    /** The text with the local part of every address in it masked, first character kept. */
    static String masked(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("$1***@");
    }
}
