package sg.linkup.platform;

/** The request is well-formed but clashes with what is stored. → 409 */
public class Conflict extends LinkupException {

    public Conflict(String detail) {
        super(detail);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String type() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
