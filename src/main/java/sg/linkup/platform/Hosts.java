package sg.linkup.platform;

import java.util.Locale;

/** Host names in configuration, judged without a DNS lookup (settings are checked at start, offline too). */
public final class Hosts {

    private Hosts() {
    }

    /**
     * Whether {@code host} names this machine: {@code localhost}, 127.x.x.x or ::1, the last also in a URI's
     * bracketed form. Only such a host may be reached without TLS by a setting that carries a secret.
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }
}
