package sg.linkup.notification.calendar;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Locale;

/**
 * An SMTP server that answers RCPT TO with a reply of the test's choosing (GreenMail accepts every
 * recipient), so the real Jakarta Mail client meets a real refusal.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final String rcptReply;

    ScriptedSmtpServer(String rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(30_000);
                converse(socket);
            } catch (IOException e) {
                // closed by the test, or the client hung up: wait for the next one
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
        Writer out = new OutputStreamWriter(socket.getOutputStream(), US_ASCII);
        reply(out, "220 scripted.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                case "MAIL" -> reply(out, "250 2.1.0 Sender OK");
                case "RCPT" -> reply(out, rcptReply);
                case "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Not implemented here");
            }
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
