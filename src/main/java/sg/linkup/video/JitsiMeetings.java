package sg.linkup.video;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meetings on a Jitsi Meet server. Anyone who knows a room's name can join it, so the name carries 128 random
 * bits; Jitsi treats room names case-insensitively, so they are written in lower-case base32, where no bit is
 * lost to case folding. A self-hosted Jitsi with token authentication (prosody {@code mod_auth_token}) admits
 * only links that carry a JWT signed with its app secret, valid for this room and from
 * {@value #EARLY_MINUTES} minutes before the session until {@value #LATE_MINUTES} minutes after it.
 */
@ApplicationScoped
@VideoProvider(JitsiMeetings.NAME)
public class JitsiMeetings implements VideoMeetings {

    static final String NAME = "jitsi";
    /** HS256 needs a key at least as long as its hash, 256 bits (RFC 7518, 3.2). */
    static final int MIN_SECRET_BYTES = 32;
    static final String ROOM_PREFIX = "linkup-";
    static final int ROOM_BYTES = 16;
    static final int EARLY_MINUTES = 15;
    static final int LATE_MINUTES = 30;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    @Inject
    @ConfigProperty(name = "linkup.video.jitsi.base-url", defaultValue = "https://meet.jit.si")
    String baseUrl;

    @Inject
    @ConfigProperty(name = "linkup.video.jitsi.app-id")
    Optional<String> appId;

    /** A secret: set only through the environment ({@code LINKUP_VIDEO_JITSI_APP_SECRET}), never in a file. */
    @Inject
    @ConfigProperty(name = "linkup.video.jitsi.app-secret")
    Optional<String> appSecret;

    /** The token's {@code sub}: the Jitsi tenant or XMPP domain; unset means the base URL's host. */
    @Inject
    @ConfigProperty(name = "linkup.video.jitsi.domain")
    Optional<String> domain;

    private final SecureRandom random = new SecureRandom();
    private String base;
    private String issuer;
    private String subject;
    /** Null when no app id and secret are configured: links then carry no token. */
    private JWSSigner signer;

    /** Refuses to start on settings that would make every link fail, rather than fail at the meeting. */
    @PostConstruct
    void init() {
        base = baseUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("linkup.video.jitsi.base-url is not a URL: " + baseUrl, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException("linkup.video.jitsi.base-url must be an http(s) URL with a host and "
                    + "without query or fragment, like https://meet.example.org; it is " + baseUrl);
        }
        subject = given(domain).orElse(uri.getHost());
        Optional<String> secret = given(appSecret);
        issuer = given(appId).orElse(null);
        if ((issuer != null) != secret.isPresent()) {
            throw new IllegalStateException("Jitsi token authentication needs both linkup.video.jitsi.app-id and "
                    + "LINKUP_VIDEO_JITSI_APP_SECRET; set both or neither");
        }
        if (secret.isEmpty()) {
            return;
        }
        byte[] key = secret.get().getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("LINKUP_VIDEO_JITSI_APP_SECRET is shorter than " + MIN_SECRET_BYTES
                    + " bytes, too short for HS256; use the same long random secret as the Jitsi server "
                    + "(e.g. openssl rand -hex 32)");
        }
        try {
            signer = new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException("LINKUP_VIDEO_JITSI_APP_SECRET cannot be used as an HS256 key", e);
        }
    }

    @Override
    public Meeting create(MeetingRequest request) {
        String room = roomName();
        String joinUrl = base + "/" + room;
        if (signer != null) {
            joinUrl += "?jwt=" + token(room, request);
        }
        return new Meeting(joinUrl, NAME, room);
    }

    String roomName() {
        byte[] bytes = new byte[ROOM_BYTES];
        random.nextBytes(bytes);
        return ROOM_PREFIX + base32(bytes);
    }

    /** The claims Jitsi's token authentication checks, plus the advisor it shows as the host. */
    private String token(String room, MeetingRequest request) {
        Map<String, Object> user = new LinkedHashMap<>();
        if (request.advisorName() != null) {
            user.put("name", request.advisorName());
        }
        if (request.advisorEmail() != null) {
            user.put("email", request.advisorEmail());
        }
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience("jitsi")
                .issuer(issuer)
                .subject(subject)
                .claim("room", room)
                .notBeforeTime(Date.from(request.start().minus(Duration.ofMinutes(EARLY_MINUTES))))
                .expirationTime(Date.from(request.end().plus(Duration.ofMinutes(LATE_MINUTES))))
                .claim("context", Map.of("user", user))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the Jitsi token for booking " + request.bookingId(), e);
        }
        return jwt.serialize();
    }

    /** RFC 4648 base32 in lower case, without padding. */
    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    private static Optional<String> given(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Without the advisor's moderator token: the client joins as a guest and waits to be let in. */
    @Override
    public String guestLink(String joinUrl) {
        int query = joinUrl.indexOf("?jwt=");
        return query < 0 ? joinUrl : joinUrl.substring(0, query);
    }
}
