package sg.linkup.platform;

/** Something the answer needs is being prepared (e.g. report roll-ups rebuilt): 503 with Retry-After. */
public class NotReady extends LinkupException {

    private final int retryAfter;

    public NotReady(String detail, int retryAfterSeconds) {
        super(detail);
        this.retryAfter = retryAfterSeconds;
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String type() {
        return "not-ready";
    }

    @Override
    public String title() {
        return "Not ready yet";
    }

    @Override
    public Integer retryAfterSeconds() {
        return retryAfter;
    }
}
