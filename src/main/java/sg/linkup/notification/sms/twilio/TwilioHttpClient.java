package sg.linkup.notification.sms.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's own HTTP client (its headers, Basic auth and user agent are kept) with four changes:
 * <ul>
 * <li><b>One attempt per message.</b> The SDK repeats any request answered with a 5xx, up to three times in all,
 * and Apache's default retry strategy repeats even a POST once more on 429 and 503. A message create is not
 * idempotent: a 5xx can come after Twilio took the message, and a repeat is then a second SMS to the client.
 * Retrying is the outbox's decision, made once, with its own backoff, after {@code SmsFailure.Kind.TRANSIENT}.</li>
 * <li><b>Our timeouts.</b> The SDK puts its own request config on every request (30.5 s to connect, no response
 * limit of its own), overriding a builder's default; an execution interceptor puts ours back.</li>
 * <li><b>A pool as wide as the dispatcher.</b> {@code maxConnections} per route and in total (the SDK's own pool
 * stops at 20 per route; a builder without a pool would get Apache's 5).</li>
 * <li><b>Another base URL</b> (a local fake or a contract mock): each request goes to the same path and query
 * there. Only the scheme, host and port change.</li>
 * </ul>
 */
final class TwilioHttpClient extends NetworkHttpClient implements Closeable {

    static final URI TWILIO = URI.create("https://api.twilio.com");

    /** Scheme, host, port and optional path prefix without a trailing slash; null when it is Twilio itself. */
    private final String base;

    TwilioHttpClient(URI apiBaseUrl, int maxConnections, Duration timeout) {
        super(builder(maxConnections, timeout));
        String configured = apiBaseUrl.toString().replaceAll("/+$", "");
        this.base = TWILIO.toString().equals(configured) ? null : configured;
    }

    private static HttpClientBuilder builder(int maxConnections, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        RequestConfig config = RequestConfig.custom()
                .setConnectionRequestTimeout(limit)
                .setResponseTimeout(limit)
                .setConnectionKeepAlive(CONNECTION_KEEP_ALIVE)
                .build();
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .useSystemProperties()
                .setMaxConnPerRoute(maxConnections)
                .setMaxConnTotal(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).setSoKeepAlive(true).build())
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(config)
                .disableAutomaticRetries()
                .addExecInterceptorFirst("linkup-request-config", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(config);
                    return chain.proceed(request, scope);
                });
    }

    /** What {@code TwilioRestClient} calls: exactly one HTTP exchange, whatever its answer. */
    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        return withErrorBody(super.makeRequest(base == null ? request : new Redirected(request, base)));
    }

    /**
     * A proxy's 502 page or an empty 503 is not Twilio's error JSON; the SDK would then throw an exception that
     * has lost the HTTP status. Such a body is replaced by one in Twilio's shape that carries the status.
     */
    private static Response withErrorBody(Response response) {
        int status = response.getStatusCode();
        if (status < 400) {
            return response;
        }
        String content = response.getContent();
        if (content != null && content.strip().startsWith("{")) {
            return new Response(content, status, response.getHeaders());
        }
        String synthetic = "{\"status\":" + status + ",\"message\":\"HTTP " + status
                + " without a Twilio error body\"}";
        return new Response(synthetic, status, response.getHeaders());
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** The SDK's request, sent to another origin: same method, path, query, form, headers and credentials. */
    private static final class Redirected extends Request {

        private final URL target;

        Redirected(Request original, String base) {
            super(original.getMethod(), original.getUrl());
            URL twilio = original.constructURL();
            try {
                this.target = URI.create(base + twilio.getFile()).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("cannot send " + twilio.getPath() + " to " + base, e);
            }
            original.getQueryParams().forEach((name, values) -> values.forEach(v -> addQueryParam(name, v)));
            original.getPostParams().forEach((name, values) -> values.forEach(v -> addPostParam(name, v)));
            original.getHeaderParams().forEach((name, values) -> values.forEach(v -> addHeaderParam(name, v)));
            setFormParameters(original.getFormParameters());
            setContentType(original.getContentType());
            setBody(original.getBody());
            setUserAgentExtensions(original.getUserAgentExtensions());
            if (original.getUsername() != null && original.getPassword() != null) {
                setAuth(original.getUsername(), original.getPassword());
            } else if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            }
        }

        /** The SDK rewrites host names with more than three labels (region and edge); the target stays as given. */
        @Override
        public URL constructURL() {
            return target;
        }
    }
}
