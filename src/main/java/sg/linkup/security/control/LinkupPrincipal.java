package sg.linkup.security.control;

import jakarta.security.enterprise.CallerPrincipal;

/** The principal our identity stores hand back: it carries the role and scope, so nothing is looked up twice. */
public class LinkupPrincipal extends CallerPrincipal {

    private final transient Identity identity;

    public LinkupPrincipal(Identity identity) {
        super(identity.name());
        this.identity = identity;
    }

    public Identity identity() {
        return identity;
    }
}
