package sg.linkup.platform;

/** The caller changed a record it last saw at another version (If-Match did not match). → 412 */
public class PreconditionFailed extends LinkupException {

    public PreconditionFailed(String what, long current) {
        super(what + " has changed since you read it (now version " + current + "); read it again");
    }

    @Override
    public int status() {
        return 412;
    }

    @Override
    public String type() {
        return "stale-version";
    }

    @Override
    public String title() {
        return "Stale version";
    }
}
