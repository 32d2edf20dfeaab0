package sg.linkup.client.entity;

import java.util.regex.Pattern;
import sg.linkup.platform.InvalidInput;

/**
 * The last three digits and the check letter of an NRIC or FIN ("567D") — enough for a counter officer to
 * tell two clients apart, and all Linkup may keep. A full NRIC/FIN is refused without echoing it back.
 */
public final class PartialNric {

    private static final Pattern PARTIAL = Pattern.compile("\\d{3}[A-Z]");
    private static final Pattern FULL = Pattern.compile("[STFGM]\\d{7}[A-Z]");

    private final String value;

    private PartialNric(String value) {
        this.value = value;
    }

    public static PartialNric parse(String text) {
        String normalised = text == null ? "" : text.strip().toUpperCase().replace(" ", "");
        if (FULL.matcher(normalised).matches() || normalised.matches("\\d{7}[A-Z]")) {
            throw new InvalidInput("partialNric",
                    "a full NRIC/FIN must not be given; enter only its last three digits and letter, e.g. 567D");
        }
        if (!PARTIAL.matcher(normalised).matches()) {
            throw new InvalidInput("partialNric", "must be the last three digits and letter of the NRIC, e.g. 567D");
        }
        return new PartialNric(normalised);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialNric other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Even the partial NRIC stays out of logs. */
    @Override
    public String toString() {
        return "***" + value.charAt(3);
    }
}
