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
    private final URI base;

    Api(URL deployment) {
        // Arquillian gives the application's URL; health and OpenAPI live at the server root.
        this.base = URI.create(deployment.toString().replaceAll("/+$", "") + "/");
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, String json) {
        return send(json(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply put(String path, String json) {
        return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
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

    HttpRequest.Builder json(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
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
