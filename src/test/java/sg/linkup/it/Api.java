package sg.linkup.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the integration tests: what a script or browser would send, nothing more. */
final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String ADMIN = "it-admin";
    static final String ADMIN_PASSWORD = "correct-horse-battery-1";

    private final URI base;
    private final String authorization;

    /** Signed in as the bootstrap admin (see arquillian.xml), with HTTP Basic. */
    Api(URL deployment) {
        this(URI.create(deployment.toString().replaceAll("/+$", "") + "/"), basic(ADMIN, ADMIN_PASSWORD));
    }

    private Api(URI base, String authorization) {
        // Arquillian gives the application's URL; health and OpenAPI live at the server root.
        this.base = base;
        this.authorization = authorization;
    }

    Api as(String username, String password) {
        return new Api(base, basic(username, password));
    }

    Api withToken(String token) {
        return new Api(base, "Bearer " + token);
    }

    Api anonymous() {
        return new Api(base, null);
    }

    static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, String json) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request to the path with this client's credentials, if any. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET as a browser sends it, accepting gzip; the body comes back unzipped when the server zipped it. */
    Reply getAcceptingGzip(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).header("Accept-Encoding", "gzip")
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if ("gzip".equals(response.headers().firstValue("Content-Encoding").orElse(null))) {
                try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    null, new String(body, java.nio.charset.StandardCharsets.UTF_8), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder json(String path) {
        return request(path).header("Content-Type", "application/json")
                .header("Accept", "application/json");
    }

    /** "api/offices" is relative to the deployment; "/health/ready" is at the server root. */
    URI uri(String path) {
        return base.resolve(path);
    }

    record Reply(int status, String contentType, String location, String body, HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        long id() {
            return json().getJsonNumber("id").longValue();
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
