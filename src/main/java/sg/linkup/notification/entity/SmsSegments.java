package sg.linkup.notification.entity;

/**
 * How many SMS parts a text costs, counted the way carriers bill it. A text that fits the GSM 7-bit alphabet
 * goes as septets (160 in one part, 153 per part once concatenated, because the concatenation header takes 7);
 * one character outside it sends the whole text as UCS-2 (70 UTF-16 units in one part, 67 per part).
 * A character is never split across two parts: neither an escaped GSM character (2 septets) nor a UTF-16
 * surrogate pair (2 units), so a part may carry one unit less than its capacity.
 */
public final class SmsSegments {

    public enum Encoding { GSM_7, UCS_2 }

    /** {@code units} are septets for GSM-7 and UTF-16 code units for UCS-2. */
    public record Count(Encoding encoding, int units, int segments) {
    }

    // GSM 03.38 default alphabet and its extension table, as mapped to Unicode in 3GPP TS 23.038 (ESC omitted).
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private static final int GSM_SINGLE = 160;
    private static final int GSM_PART = 153;
    private static final int UCS_SINGLE = 70;
    private static final int UCS_PART = 67;

    private SmsSegments() {
    }

    /** An empty text still costs one part. */
    public static Count measure(String text) {
        if (isGsm7(text)) {
            return count(Encoding.GSM_7, text, GSM_SINGLE, GSM_PART);
        }
        return count(Encoding.UCS_2, text, UCS_SINGLE, UCS_PART);
    }

    private static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Count count(Encoding encoding, String text, int single, int part) {
        int units = 0;
        int parts = 1;
        int inPart = 0;
        int i = 0;
        while (i < text.length()) {
            int width = width(encoding, text, i);
            units += width;
            if (inPart + width > part) {
                parts++;
                inPart = 0;
            }
            inPart += width;
            i += encoding == Encoding.UCS_2 ? width : 1;
        }
        return new Count(encoding, units, units <= single ? 1 : parts);
    }

    /** Septets or UTF-16 units of the character starting at {@code i}; a surrogate pair counts as one character. */
    private static int width(Encoding encoding, String text, int i) {
        char c = text.charAt(i);
        if (encoding == Encoding.GSM_7) {
            return EXTENSION.indexOf(c) >= 0 ? 2 : 1;
        }
        boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        return pair ? 2 : 1;
    }
}
