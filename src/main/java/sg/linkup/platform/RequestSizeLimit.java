package sg.linkup.platform;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code linkup.http.max-body-bytes} (default 64 KiB) with 413 before anything
 * parses them. A chunked body has no Content-Length, so it is read up to the limit here.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "linkup.http.max-body-bytes", defaultValue = "65536")
    int maxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > maxBytes) {
            throw new PayloadTooLarge(maxBytes);
        }
        if (request.getLength() < 0 && request.hasEntity()) {
            InputStream body = request.getEntityStream();
            byte[] read = body.readNBytes(maxBytes + 1);
            if (read.length > maxBytes) {
                throw new PayloadTooLarge(maxBytes);
            }
            request.setEntityStream(new ByteArrayInputStream(read));
        }
    }

    static class PayloadTooLarge extends LinkupException {
        PayloadTooLarge(int maxBytes) {
            super("Request bodies are limited to " + maxBytes + " bytes");
        }

        @Override
        public int status() {
            return 413;
        }

        @Override
        public String type() {
            return "payload-too-large";
        }

        @Override
        public String title() {
            return "Request body too large";
        }
    }
}
