package sg.linkup.platform;

import java.util.List;

/** Input that no Bean Validation annotation could catch: a rule of the domain about one field. → 400 */
public class InvalidInput extends LinkupException {

    private final transient List<Violation> violations;

    public InvalidInput(String field, String message) {
        super(field + ": " + message);
        this.violations = List.of(new Violation(field, message));
    }

    /** The same complaint, reported against the request field that carried the value. */
    public InvalidInput at(String field) {
        return new InvalidInput(field, violations.get(0).message());
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String type() {
        return "invalid-input";
    }

    @Override
    public String title() {
        return "Invalid input";
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }
}
