package sg.linkup.security.control;

import jakarta.security.enterprise.credential.Credential;

/** The bearer token a partner agency's system sends ({@code Authorization: Bearer lk_…}). */
public record ApiTokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        // Never print a secret, not even by accident in a debugger's log line.
        return "ApiTokenCredential[****]";
    }
}
