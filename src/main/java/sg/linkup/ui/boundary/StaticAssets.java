package sg.linkup.ui.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caching and compression for the browser app, which Payara's default servlet does neither of (mapped in web.xml
 * after the security headers, whose {@code no-store} it replaces for these files only).
 * <ul>
 *   <li>Everything under {@code /assets/} has the version or the content hash in its path (web-assets.mjs), so a
 *       browser may keep it for a year without asking again: {@code immutable}.</li>
 *   <li>{@code index.html} names those paths, so it must be checked on every load: {@code no-cache} (a 304 when
 *       unchanged).</li>
 *   <li>Text files are gzipped once at build time (level 9, a {@code .gz} beside each); this filter sends that
 *       file to a browser that accepts gzip. We chose that over compressing each response: no CPU per request on a
 *       two-core node, the best ratio, and no streaming wrapper to get wrong with Content-Length, HEAD or errors.</li>
 * </ul>
 * A path that does not exist keeps {@code no-store}, so a 404 is never cached for a year.
 */
public class StaticAssets extends HttpFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** The WAR does not change while it runs: each precompressed file is read once (all of them are ~200 KB). */
    private final Map<String, Optional<Gzipped>> gzipped = new ConcurrentHashMap<>();

    record Gzipped(byte[] bytes, String etag) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        String path = pathOf(request);
        boolean index = path.equals("/index.html");
        if (!("GET".equals(method) || "HEAD".equals(method)) || !(index || path.startsWith("/assets/"))
                || getServletContext().getResource(path) == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", index ? REVALIDATE : IMMUTABLE);
        response.setHeader("Vary", "Accept-Encoding");
        Optional<Gzipped> gz = acceptsGzip(request.getHeader("Accept-Encoding"))
                ? gzipped.computeIfAbsent(path, this::load) : Optional.empty();
        if (gz.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        send(gz.get(), path, request, response);
    }

    /** The path inside the application; the welcome page "/" is index.html. */
    static String pathOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.isEmpty() || path.equals("/") ? "/index.html" : path;
    }

    /** "gzip", "gzip, deflate, br", "br;q=1.0, gzip;q=0.8" yes; "gzip;q=0", "identity" or nothing: no. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] coding = part.strip().split(";");
            if (coding[0].strip().equals("gzip")) {
                for (int i = 1; i < coding.length; i++) {
                    String parameter = coding[i].strip().replace(" ", "");
                    if (parameter.startsWith("q=")) {
                        try {
                            return Double.parseDouble(parameter.substring(2)) > 0;
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }

    private Optional<Gzipped> load(String path) {
        try (InputStream in = getServletContext().getResourceAsStream(path + ".gz")) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Optional.of(new Gzipped(bytes, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "-gz\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Gzipped gz, String path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ServletContext context = getServletContext();
        String type = context.getMimeType(path);
        response.setContentType(type == null ? "application/octet-stream"
                : type.startsWith("text/") || type.endsWith("javascript") || type.endsWith("json")
                ? type + ";charset=UTF-8" : type);
        response.setHeader("ETag", gz.etag());
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(gz.etag()) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(gz.bytes().length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(gz.bytes());
        }
    }
}
