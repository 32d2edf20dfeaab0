package sg.linkup.platform;

/**
 * The one rule for text people type — names, reasons, notes: no control characters (U+0000–U+001F, U+007F–U+009F)
 * and no half of a surrogate pair. Such characters are invisible on screens, cut off or garble SMS, calendar
 * invitations and logs, and a lone surrogate cannot be encoded at all; none of them is ever meant. A single line
 * also refuses tab and every line break (U+2028 and U+2029 too); a note may have several lines, so it keeps tab,
 * CR and LF. Everything else (emoji, CJK, Tamil, combining marks, joiners) is accepted as typed.
 *
 * <p>Entities call this where they take the text, so it holds whichever way the text arrives.
 */
public final class Text {

    private Text() {
    }

    /** A name, reason or other one-line text, unchanged if it passes (null passes too). */
    public static String singleLine(String field, String value) {
        return check(field, value, false);
    }

    /** A note that may run over several lines, unchanged if it passes (null passes too). */
    public static String multiLine(String field, String value) {
        return check(field, value, true);
    }

    private static String check(String field, String value, boolean lines) {
        if (value == null) {
            return null;
        }
        int position = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            position++;
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;  // a whole pair: one character beyond the BMP, such as most emoji
                    continue;
                }
                throw refused(field, "contains half of a surrogate pair", c, position);
            }
            boolean lineBreak = c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
            if (lineBreak && !lines) {
                throw refused(field, "must be one line (no tab or line break)", c, position);
            }
            if (!lineBreak && Character.isISOControl(c)) {
                throw refused(field, "contains a control character", c, position);
            }
        }
        return value;
    }

    /** Names the character by its code, never by echoing the text: it may be someone's personal data. */
    private static InvalidInput refused(String field, String what, char c, int position) {
        return new InvalidInput(field, String.format("%s (U+%04X at character %d)", what, (int) c, position));
    }
}
