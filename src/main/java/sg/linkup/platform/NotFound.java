package sg.linkup.platform;

/** An id that does not exist — or, once access is scoped, one the caller may not see. → 404 */
public class NotFound extends LinkupException {

    public NotFound(String what, Object id) {
        super("No " + what + " with id " + id);
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String type() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not found";
    }
}
