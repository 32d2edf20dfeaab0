package sg.linkup.client.entity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import sg.linkup.platform.InvalidInput;

/**
 * A client's mobile number, parsed once with libphonenumber (numbers without a country code are taken as
 * Singaporean) and kept in E.164. {@link #toString()} masks it, so a number in a log line stays private.
 */
public final class PhoneNumber {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "SG";

    private final String e164;
    private final int countryCode;

    private PhoneNumber(String e164, int countryCode) {
        this.e164 = e164;
        this.countryCode = countryCode;
    }

    /** Accepts what people type: "9123 4567", "+65 9123-4567", "6591234567" with a plus… Must be a mobile. */
    public static PhoneNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("mobile", "a mobile number is required");
        }
        try {
            var number = UTIL.parse(text, DEFAULT_REGION);
            if (!UTIL.isValidNumber(number)) {
                throw new InvalidInput("mobile", "is not a valid phone number");
            }
            var type = UTIL.getNumberType(number);
            if (type != PhoneNumberType.MOBILE && type != PhoneNumberType.FIXED_LINE_OR_MOBILE) {
                throw new InvalidInput("mobile", "must be a mobile number that can receive SMS");
            }
            return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164),
                    number.getCountryCode());
        } catch (NumberParseException e) {
            throw new InvalidInput("mobile", "is not a phone number");
        }
    }

    /** Reads a number already stored in E.164; still validated, as the column could have been edited. */
    public static PhoneNumber ofE164(String e164) {
        return parse(e164);
    }

    public String e164() {
        return e164;
    }

    /** "+65 ****4567": enough for an officer to recognise a number, not enough to use it. */
    public String masked() {
        return "+" + countryCode + " ****" + e164.substring(e164.length() - 4);
    }

    /**
     * Any phone number as logs, error texts and screens show one — the only way Linkup prints a number:
     * "+65 ****4567" with a country code, "****4567" without, "****" for anything with fewer than eight digits.
     */
    public static String masked(String number) {
        String digits = number == null ? "" : number.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return "****";
        }
        String lastFour = digits.substring(digits.length() - 4);
        if (number.strip().startsWith("+")) {
            try {
                return "+" + UTIL.parse("+" + digits, "ZZ").getCountryCode() + " ****" + lastFour;
            } catch (NumberParseException e) {
                // no known country code: shown as a local number
            }
        }
        return "****" + lastFour;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && other.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
