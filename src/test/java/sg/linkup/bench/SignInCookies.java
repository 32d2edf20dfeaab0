package sg.linkup.bench;

import java.net.http.HttpResponse;
import java.util.stream.Collectors;

/** The Cookie header a browser would send after a sign-in. */
final class SignInCookies {

    private SignInCookies() {
    }

    /**
     * Every cookie the sign-in set (not the ones it cleared), as one header value: with distributable sessions
     * Payara sets JSESSIONIDVERSION beside LINKUP_SESSION, and a request without it finds no session (401).
     */
    static String of(HttpResponse<?> signIn) {
        String cookies = signIn.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> !c.endsWith("=")).collect(Collectors.joining("; "));
        if (!cookies.contains("LINKUP_SESSION=")) {
            throw new IllegalStateException("the sign-in set no session cookie: " + signIn.headers().map());
        }
        return cookies;
    }
}
