package sg.linkup.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One Payara Micro for all integration tests of a Failsafe JVM that drive the built WAR from outside: the browser
 * journeys and the API ITs. Arquillian's payara-micro-managed container starts a whole server per test class, which
 * cost one to two and a half minutes a class; these tests only need an address. (NotificationIT deploys its own
 * archive with test classes inside, so it stays on Arquillian.)
 *
 * <p>The server runs the WAR the build made ({@code it.war}), with the JVM options of {@code arquillian.xml}'s
 * {@code cmdOptions} (read from that file, so the two cannot drift) and the environment Failsafe gives this JVM
 * (database URL, SMS and mail settings), as the Arquillian-forked one does. It lives in the root context's store, so
 * JUnit stops it once, after the last class; a shutdown hook stops it if the JVM ends another way. Its log goes to
 * {@code target/it-payara-shared.log}, apart from the Arquillian server's {@code target/it-payara.log}
 * (SecurityIT reads both).
 *
 * <p>A test class declares {@code @ExtendWith(SharedApp.class)} and a {@code URL deployment} field (its own or a
 * superclass's); the field is set before each test.
 */
public final class SharedApp implements TestInstancePostProcessor {

    private static final Duration STARTUP = Duration.ofSeconds(
            Long.getLong("it.shared-app.startup-seconds", 900));

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        Server server = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedApp.class))
                .getOrComputeIfAbsent(Server.class, type -> Server.start(), Server.class);
        for (Class<?> type = testInstance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals("deployment") && field.getType() == URL.class
                        && !Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(testInstance, server.url);
                    return;
                }
            }
        }
        throw new IllegalStateException(testInstance.getClass() + " has no URL deployment field for SharedApp to set");
    }

    /**
     * For a class that brings its own server (NotificationIT, on Arquillian): the shared one is stopped first, so no
     * second node's schedulers and dispatcher work on the same database while that class counts what its node did.
     * A later class starts the shared server again; {@link FirstOwnServers} orders classes so that this is rare.
     */
    public static final class Stopped implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Server running = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedApp.class))
                    .remove(Server.class, Server.class);
            if (running != null) {
                running.close();
            }
        }
    }

    /**
     * Failsafe's class order (junit-platform.properties): classes that bring their own server run first, before
     * the shared one starts, so it starts once. Otherwise by name, as before.
     */
    public static final class FirstOwnServers implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator
                    .comparing((ClassDescriptor d) -> !d.isAnnotated(ExtendWith.class)
                            || Arrays.stream(d.findRepeatableAnnotations(ExtendWith.class).stream()
                                    .flatMap(e -> Arrays.stream(e.value())).toArray())
                                    .noneMatch(Stopped.class::equals))
                    .thenComparing(d -> d.getTestClass().getName()));
        }
    }

    /** The running server; {@link #close} is called by JUnit when the root context closes. */
    static final class Server implements AutoCloseable {

        final URL url;
        private final Process process;
        private final Thread hook;

        private Server(URL url, Process process) {
            this.url = url;
            this.process = process;
            this.hook = new Thread(process::destroy, "stop-shared-payara");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        static Server start() {
            try {
                File war = new File(System.getProperty("it.war"));
                File jar = new File(System.getProperty("payara.microJar"));
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(Arrays.asList(arquillianCmdOptions().trim().split("\\s+")));
                command.addAll(List.of("-jar", jar.getPath(), "--deploy", war.getPath(), "--port", String.valueOf(port),
                        "--nocluster", "--logtofile", "target/it-payara-shared.log"));
                Path out = Path.of("target", "it-payara-shared.out");
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();  // the environment is inherited, as Arquillian's fork does
                String context = war.getName().replaceFirst("\\.war$", "");
                URL url = new URL("http://localhost:" + port + "/" + context + "/");
                Server server = new Server(url, process);
                server.awaitReady(out);
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Ready when the app answers its start page; fails at once if the server process ended. */
        private void awaitReady(Path out) throws IOException {
            Instant deadline = Instant.now().plus(STARTUP);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The shared Payara Micro ended (exit " + process.exitValue()
                            + ") before the app was up; see " + out.toAbsolutePath() + ":\n" + tail(out));
                }
                try {
                    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
                    connection.setConnectTimeout(2000);
                    connection.setReadTimeout(10000);
                    if (connection.getResponseCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            close();
            throw new IllegalStateException("The shared Payara Micro did not serve " + url + " within " + STARTUP
                    + "; see " + out.toAbsolutePath() + ":\n" + tail(out));
        }

        private static String tail(Path out) throws IOException {
            List<String> lines = Files.readAllLines(out);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }

        /** The Payara JVM options arquillian.xml gives the Arquillian container. */
        private static String arquillianCmdOptions() {
            try (var xml = SharedApp.class.getResourceAsStream("/arquillian.xml")) {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                NodeList properties = factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "property");
                for (int i = 0; i < properties.getLength(); i++) {
                    Element property = (Element) properties.item(i);
                    if ("cmdOptions".equals(property.getAttribute("name"))) {
                        return property.getTextContent();
                    }
                }
                throw new IllegalStateException("arquillian.xml has no cmdOptions property");
            } catch (Exception e) {
                throw new IllegalStateException("Cannot read arquillian.xml's cmdOptions", e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: nothing left to undo
            }
        }
    }
}
