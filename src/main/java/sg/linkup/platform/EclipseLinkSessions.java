package sg.linkup.platform;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink settings that persistence.xml properties cannot reach (named there as
 * {@code eclipselink.session.customizer}); the only class importing {@code org.eclipse.persistence}.
 *
 * <p>No query retries. On a communication failure EclipseLink by default waits 5 s and tries again, three times,
 * holding the request's thread: with the database down every request took over 10 s to fail, and each sweep as
 * long. Payara's pool already owns reconnecting (it validates a connection before lending it and drops them all
 * when one fails), so a retry here only delays the answer: the request fails at once and {@link ProblemMapper}
 * answers 503 with Retry-After, which tells the caller what a hidden retry would not.
 */
public class EclipseLinkSessions implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
