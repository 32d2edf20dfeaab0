package sg.linkup.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sg.linkup.video.VideoMeetings.Meeting;
import sg.linkup.video.VideoMeetings.MeetingRequest;

class JitsiMeetingsTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef-linkup-test";
    static final Instant START = Instant.parse("2025-03-04T02:00:00Z");
    static final Instant END = Instant.parse("2025-03-04T02:45:00Z");
    static final MeetingRequest REQUEST = new MeetingRequest(42, START, END, "Tan Mei Ling", "mei.ling@sso.example");

    static JitsiMeetings jitsi(String baseUrl, String appId, String secret, String domain) {
        var jitsi = new JitsiMeetings();
        jitsi.baseUrl = baseUrl;
        jitsi.appId = Optional.ofNullable(appId);
        jitsi.appSecret = Optional.ofNullable(secret);
        jitsi.domain = Optional.ofNullable(domain);
        jitsi.init();
        return jitsi;
    }

    @Test
    void theClientsLinkLeavesOutTheAdvisorsHostToken() {
        Meeting signed = jitsi("https://meet.example.org", "linkup", SECRET, null).create(REQUEST);
        var jitsi = jitsi("https://meet.example.org", "linkup", SECRET, null);
        assertTrue(signed.joinUrl().contains("?jwt="), signed.joinUrl());
        assertEquals("https://meet.example.org/" + signed.roomName(), jitsi.guestLink(signed.joinUrl()));
        Meeting open = jitsi("https://meet.jit.si", null, null, null).create(REQUEST);
        assertEquals(open.joinUrl(), jitsi.guestLink(open.joinUrl()), "nothing to leave out");
    }

    @Test
    void roomNamesAreUniqueAndCarryAtLeast128RandomBits() {
        var jitsi = jitsi("https://meet.jit.si", null, null, null);
        Set<String> rooms = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String room = jitsi.create(REQUEST).roomName();
            assertTrue(room.matches("linkup-[a-z2-7]{26}"), room);
            assertTrue(rooms.add(room), "repeated room " + room);
        }
        String encoded = rooms.iterator().next().substring(JitsiMeetings.ROOM_PREFIX.length());
        assertEquals(16, base32Decode(encoded).length, "128 bits behind every room name");
    }

    @Test
    void roomNameBitsAreTheRandomBytesOneToOne() {
        byte[] bytes = HexFormat.of().parseHex("00ff10203040506070809fa0b0c0d0e0");
        assertArrayEquals(bytes, base32Decode(JitsiMeetings.base32(bytes)));
        assertEquals("mzxw6ytboi", JitsiMeetings.base32("foobar".getBytes(StandardCharsets.US_ASCII)),
                "RFC 4648 test vector, lower case, no padding");
    }

    @Test
    void withoutAppIdTheLinkIsThePlainRoomOnTheBaseUrl() {
        Meeting meeting = jitsi("https://meet.jit.si", null, null, null).create(REQUEST);
        assertEquals("https://meet.jit.si/" + meeting.roomName(), meeting.joinUrl());
        assertEquals("jitsi", meeting.provider());
    }

    @Test
    void aTrailingSlashOnTheBaseUrlGivesNoDoubleSlash() {
        Meeting meeting = jitsi("https://video.example.org/sso/ ", null, null, null).create(REQUEST);
        assertEquals("https://video.example.org/sso/" + meeting.roomName(), meeting.joinUrl());
    }

    @Test
    void blankCredentialsCountAsUnset() {
        Meeting meeting = jitsi("https://meet.jit.si", " ", "", null).create(REQUEST);
        // The whole link, not contains("jwt"): a random base32 room name can hold those three letters.
        assertEquals("https://meet.jit.si/" + meeting.roomName(), meeting.joinUrl());
    }

    @Test
    void withAppIdAndSecretTheLinkCarriesATokenSignedWithTheSecret() throws Exception {
        Meeting meeting = jitsi("https://meet.example.org/", "linkup", SECRET, null).create(REQUEST);
        String prefix = "https://meet.example.org/" + meeting.roomName() + "?jwt=";
        assertTrue(meeting.joinUrl().startsWith(prefix), meeting.joinUrl());

        SignedJWT jwt = SignedJWT.parse(meeting.joinUrl().substring(prefix.length()));
        assertTrue(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))));
        assertEquals(JWSAlgorithm.HS256, jwt.getHeader().getAlgorithm());
        assertEquals(JOSEObjectType.JWT, jwt.getHeader().getType());
        assertEquals(Set.of("alg", "typ"), jwt.getHeader().toJSONObject().keySet());

        var claims = jwt.getJWTClaimsSet();
        assertEquals(Set.of("aud", "iss", "sub", "room", "nbf", "exp", "context"), claims.getClaims().keySet());
        assertEquals("jitsi", claims.toJSONObject().get("aud"), "a single audience, as a string");
        assertEquals("linkup", claims.getIssuer());
        assertEquals("meet.example.org", claims.getSubject(), "the base URL's host when no domain is set");
        assertEquals(meeting.roomName(), claims.getStringClaim("room"));
        assertEquals(Date.from(START.minusSeconds(15 * 60)), claims.getNotBeforeTime());
        assertEquals(Date.from(END.plusSeconds(30 * 60)), claims.getExpirationTime());
        assertEquals(START.getEpochSecond() - 900, ((Number) claims.toJSONObject().get("nbf")).longValue());
        assertEquals(END.getEpochSecond() + 1800, ((Number) claims.toJSONObject().get("exp")).longValue());
        assertEquals(Map.of("user", Map.of("name", "Tan Mei Ling", "email", "mei.ling@sso.example")),
                claims.getJSONObjectClaim("context"));
    }

    @Test
    void aConfiguredDomainIsTheSubject() throws Exception {
        Meeting meeting = jitsi("https://meet.example.org", "linkup", SECRET, "sso-tenant").create(REQUEST);
        assertEquals("sso-tenant", token(meeting).getJWTClaimsSet().getSubject());
    }

    @Test
    void aTokenDoesNotVerifyWithAnotherSecret() throws Exception {
        Meeting meeting = jitsi("https://meet.example.org", "linkup", SECRET, null).create(REQUEST);
        byte[] other = "another-secret-of-enough-length-0123456789".getBytes(StandardCharsets.UTF_8);
        assertFalse(token(meeting).verify(new MACVerifier(other)));
    }

    @Test
    void aSecretShorterThan32BytesIsRefused() {
        var refused = assertThrows(IllegalStateException.class,
                () -> jitsi("https://meet.example.org", "linkup", "0123456789abcdef0123456789abcde", null));
        assertTrue(refused.getMessage().contains("shorter than 32 bytes"), refused.getMessage());
        assertFalse(refused.getMessage().contains("0123456789abcdef"), "the message never shows the secret");
    }

    @Test
    void anAppIdWithoutSecretOrTheOtherWayRoundIsRefused() {
        assertThrows(IllegalStateException.class, () -> jitsi("https://meet.example.org", "linkup", null, null));
        assertThrows(IllegalStateException.class, () -> jitsi("https://meet.example.org", null, SECRET, null));
    }

    @Test
    void aBaseUrlThatIsNoWebAddressIsRefused() {
        for (String wrong : List.of("meet.example.org", "ftp://meet.example.org", "https://meet.example.org/?x=1",
                "https://exa mple.org")) {
            assertThrows(IllegalStateException.class, () -> jitsi(wrong, null, null, null), wrong);
        }
    }

    @Test
    void aMeetingPrintsWithoutItsToken() {
        Meeting meeting = jitsi("https://meet.example.org", "linkup", SECRET, null).create(REQUEST);
        String token = meeting.joinUrl().substring(meeting.joinUrl().indexOf("?jwt=") + 5);
        // Not contains("jwt"): the printed room name is random base32 and can hold those letters.
        assertFalse(meeting.toString().contains("?jwt="), meeting.toString());
        assertFalse(meeting.toString().contains(token), meeting.toString());
        assertFalse(meeting.toString().contains(meeting.joinUrl()));
    }

    @Test
    void aMeetingMustEndAfterItStarts() {
        assertThrows(IllegalArgumentException.class, () -> new MeetingRequest(1, END, START, "a", "a@b"));
    }

    private static SignedJWT token(Meeting meeting) throws Exception {
        return SignedJWT.parse(URI.create(meeting.joinUrl()).getQuery().substring("jwt=".length()));
    }

    /** Independent of the code under test: RFC 4648 base32 in lower case, no padding; refuses stray bits. */
    private static byte[] base32Decode(String text) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        var out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            int value = alphabet.indexOf(c);
            assertTrue(value >= 0, "not base32: " + c);
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        assertTrue(bits < 5 && (buffer & ((1 << bits) - 1)) == 0, "leftover bits must be zero padding");
        return out.toByteArray();
    }
}
