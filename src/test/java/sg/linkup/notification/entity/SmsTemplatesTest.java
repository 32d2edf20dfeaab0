package sg.linkup.notification.entity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import sg.linkup.directory.entity.Language;
import sg.linkup.directory.entity.SessionMode;
import sg.linkup.notification.entity.SmsSegments.Encoding;
import sg.linkup.notification.entity.SmsTemplates.Rendered;

class SmsTemplatesTest {

    private static final SmsTemplates TEMPLATES = new SmsTemplates();

    /** Tue 3 Dec 2024 10:30 in Singapore. */
    private static final Instant TUE_3_DEC_1030 = Instant.parse("2024-12-03T02:30:00Z");
    /** Tue 31 Dec 2024 10:30 in Singapore: two-digit day and month, Tuesday has the longest Tamil name. */
    private static final Instant TUE_31_DEC_1030 = Instant.parse("2024-12-31T02:30:00Z");
    private static final String LINK = "https://meet.example/abc";
    private static final String LONGEST_OFFICE = ("SSO@Jurong West Community Hub, Block 123 Jurong West Street 42, "
            + "Level 4 Social Service Office and Family Friendly Hub, Singapore 640123").substring(0, 120);
    private static final String LONGEST_LINK = "https://meet.linkup.example.gov.sg/linkup-" + "0123456789abcdef".repeat(3)
            .substring(0, 80 - 42);

    /** The cancel keyword: a C that is not part of a Latin word. */
    private static final Pattern LONE_C = Pattern.compile("(?<![A-Za-z])C(?![A-Za-z])");
    private static final List<String> BUNDLES = List.of("sms.properties", "sms_zh.properties", "sms_ms.properties",
            "sms_ta.properties");

    private static SmsFacts appointment(String office, Instant start, SessionMode mode, String link) {
        return new SmsFacts(office, start, mode, link, 0);
    }

    private static SmsFacts factsFor(SmsKind kind, String office, Instant start, SessionMode mode, String link) {
        if (!kind.namesAppointment()) {
            return SmsFacts.none();
        }
        return new SmsFacts(office, start, mode, link, kind.statesOfferMinutes() ? 30 : 0);
    }

    static Stream<Arguments> everyKindLanguageAndMode() {
        return Arrays.stream(SmsKind.values()).flatMap(kind -> Arrays.stream(Language.values())
                .flatMap(language -> Arrays.stream(SessionMode.values())
                        .map(mode -> Arguments.of(kind, language, mode))));
    }

    @Test
    void worstCaseFactsAreAsLongAsTheColumnsAllow() {
        assertEquals(120, LONGEST_OFFICE.length());
        assertEquals(80, LONGEST_LINK.length());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyKindLanguageAndMode")
    void everyTextFitsThreePartsWithTheLongestOfficeAndLink(SmsKind kind, Language language, SessionMode mode) {
        Rendered rendered = TEMPLATES.renderMeasured(kind, language,
                factsFor(kind, LONGEST_OFFICE, TUE_31_DEC_1030, mode, LONGEST_LINK));

        assertTrue(rendered.count().segments() <= SmsTemplates.MAX_SEGMENTS, rendered.toString());
        assertEquals(SmsSegments.measure(rendered.text()), rendered.count());
        assertTrue(rendered.text().startsWith(SmsTemplates.SENDER), rendered.text());
        assertFalse(rendered.text().contains("{"), rendered.text());
        if (kind.namesAppointment()) {
            assertTrue(rendered.text().contains("31") && rendered.text().contains("10:30"), rendered.text());
        }
        boolean linkExpected = kind.carriesVideoLink() && mode != SessionMode.IN_PERSON;
        assertEquals(linkExpected, rendered.text().endsWith(LONGEST_LINK), rendered.text());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyKindLanguageAndMode")
    void aRealisticTextIsSentWhole(SmsKind kind, Language language, SessionMode mode) {
        String realisticLink = "https://meet.jit.si/linkup-3f9a2c7e-5b1d-4e8a-9c6f-2d7b8e1a4c90";
        String text = TEMPLATES.render(kind, language, factsFor(kind, "SSO@Jurong West", TUE_3_DEC_1030, mode,
                realisticLink));

        if (kind.namesAppointment()) {
            assertTrue(text.contains("SSO@Jurong West"), text);
        }
        assertFalse(text.contains("…") || text.contains("..."), text);
    }

    @Test
    void englishConfirmationReadsAsTheProductAskedFor() {
        assertEquals("Linkup: Your appointment at SSO@Tampines, Tue 3 Dec 10:30. Reply YES to confirm, C to cancel.",
                TEMPLATES.render(SmsKind.CONFIRMATION, Language.EN,
                        appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null)));
    }

    @Test
    void englishVideoConfirmationEndsWithTheLink() {
        assertEquals("Linkup: Your appointment at SSO@Tampines, Tue 3 Dec 10:30. Reply YES to confirm, C to cancel."
                        + " Video link: https://meet.example/abc",
                TEMPLATES.render(SmsKind.CONFIRMATION, Language.EN,
                        appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.VIDEO_AT_SSO, LINK)));
    }

    @Test
    void englishReminderAndWaitlistOffer() {
        assertEquals("Linkup: Reminder: your appointment at SSO@Tampines, Tue 3 Dec 10:30. Reply YES to confirm, "
                        + "C to cancel.",
                TEMPLATES.render(SmsKind.REMINDER, Language.EN,
                        appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null)));
        assertEquals("Linkup: A slot opened at SSO@Tampines, Tue 3 Dec 10:30. Reply YES within 30 min to take it.",
                TEMPLATES.render(SmsKind.WAITLIST_OFFER, Language.EN,
                        new SmsFacts("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null, 30)));
    }

    @Test
    void eachLanguageShowsSingaporeTimeInItsOwnConvention() {
        SmsFacts facts = appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null);

        assertTrue(TEMPLATES.render(SmsKind.CONFIRMATION, Language.EN, facts).contains("Tue 3 Dec 10:30"));
        assertTrue(TEMPLATES.render(SmsKind.CONFIRMATION, Language.ZH, facts).contains("12月3日(周二) 10:30"));
        assertTrue(TEMPLATES.render(SmsKind.CONFIRMATION, Language.MS, facts).contains("Sel 3 Dis 10:30"));
        assertTrue(TEMPLATES.render(SmsKind.CONFIRMATION, Language.TA, facts).contains("3/12 (செவ்வாய்) 10:30"));
    }

    @Test
    void aUtcEveningIsTheNextMorningInSingapore() {
        SmsFacts facts = appointment("SSO@Tampines", Instant.parse("2024-12-02T16:30:00Z"), SessionMode.IN_PERSON, null);

        assertTrue(TEMPLATES.render(SmsKind.REMINDER, Language.EN, facts).contains("Tue 3 Dec 00:30"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theVideoLinkGoesOnlyToVideoSessions(Language language) {
        for (SmsKind kind : SmsKind.values()) {
            for (SessionMode mode : SessionMode.values()) {
                String text = TEMPLATES.render(kind, language, factsFor(kind, "SSO@Tampines", TUE_3_DEC_1030, mode, LINK));
                boolean expected = kind.carriesVideoLink() && mode != SessionMode.IN_PERSON;
                assertEquals(expected, text.contains(LINK), kind + " " + mode + ": " + text);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void staffSeeTheTextWordForWordButNotTheVideoLink(Language language) {
        SmsFacts facts = appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.VIDEO_REMOTE, LONGEST_LINK);
        String sent = TEMPLATES.render(SmsKind.CONFIRMATION, language, facts);

        String shown = SmsTemplates.forStaff(sent);

        assertFalse(shown.contains("https://"), shown);
        assertEquals(sent.replace(LONGEST_LINK, "[video link]"), shown, "everything else as the client reads it");
        String inPerson = TEMPLATES.render(SmsKind.CONFIRMATION, language,
                appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, LINK));
        assertEquals(inPerson, SmsTemplates.forStaff(inPerson), "a text without a link is shown as it is");
    }

    @Test
    void staffPreviewsOfStoredTextsMaskAnyLinkWhateverItsShape() {
        assertEquals("Linkup: Pautan video: [video link]",
                SmsTemplates.forStaff("Linkup: Pautan video: http://meet.example/r/abc?jwt=eyJ.x-y_z"));
        assertEquals(null, SmsTemplates.forStaff(null));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aVideoSessionWithoutALinkHasNoEmptyLinkLabel(Language language) {
        String withLink = TEMPLATES.render(SmsKind.CONFIRMATION, language,
                appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.VIDEO_REMOTE, LINK));
        String withoutLink = TEMPLATES.render(SmsKind.CONFIRMATION, language,
                appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.VIDEO_REMOTE, null));
        String blankLink = TEMPLATES.render(SmsKind.CONFIRMATION, language,
                appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.VIDEO_REMOTE, "  "));

        assertTrue(withLink.startsWith(withoutLink), withLink + " / " + withoutLink);
        assertTrue(withLink.length() - withoutLink.length() > LINK.length(), "the link has a label");
        assertEquals(withoutLink, blankLink);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void keywordsStayInLatinLetters(Language language) {
        SmsFacts facts = appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null);
        String help = TEMPLATES.render(SmsKind.REPLY_HELP, language, SmsFacts.none());

        assertTrue(help.contains("YES") && LONE_C.matcher(help).find() && help.contains("STOP"), help);
        String confirmation = TEMPLATES.render(SmsKind.CONFIRMATION, language, facts);
        assertTrue(confirmation.contains("YES") && LONE_C.matcher(confirmation).find(), confirmation);
        assertTrue(TEMPLATES.render(SmsKind.REPLY_STOPPED, language, SmsFacts.none()).contains("START"));
        assertTrue(TEMPLATES.render(SmsKind.REPLY_STARTED, language, SmsFacts.none()).contains("STOP"));
        assertTrue(TEMPLATES.render(SmsKind.WAITLIST_OFFER, language,
                new SmsFacts("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null, 45)).contains("45"));
    }

    @Test
    void chineseAndTamilAreWrittenInTheirOwnScripts() {
        for (SmsKind kind : SmsKind.values()) {
            SmsFacts facts = factsFor(kind, "SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null);
            String chinese = TEMPLATES.render(kind, Language.ZH, facts);
            String tamil = TEMPLATES.render(kind, Language.TA, facts);
            assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    chinese);
            assertTrue(tamil.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.TAMIL),
                    tamil);
            assertNotEquals(TEMPLATES.render(kind, Language.EN, facts), TEMPLATES.render(kind, Language.MS, facts));
        }
    }

    @Test
    void aLongOfficeNameIsCutWithAnEllipsisButDateAndLinkStayWhole() {
        Rendered rendered = TEMPLATES.renderMeasured(SmsKind.REMINDER, Language.TA,
                appointment(LONGEST_OFFICE, TUE_31_DEC_1030, SessionMode.VIDEO_REMOTE, LONGEST_LINK));

        assertEquals(Encoding.UCS_2, rendered.count().encoding());
        assertTrue(rendered.text().contains("(SSO@Jurong"), rendered.text());
        assertTrue(rendered.text().contains("…)"), rendered.text());
        assertFalse(rendered.text().contains(LONGEST_OFFICE));
        assertTrue(rendered.text().contains("31/12 (செவ்வாய்) 10:30"), rendered.text());
        assertTrue(rendered.text().endsWith(LONGEST_LINK), rendered.text());
    }

    @Test
    void aGsmTextIsCutWithThreeDotsSoItStaysGsm() {
        String veryLongLink = "https://meet.example/" + "x".repeat(230);
        Rendered rendered = TEMPLATES.renderMeasured(SmsKind.REMINDER, Language.EN,
                appointment(LONGEST_OFFICE, TUE_31_DEC_1030, SessionMode.VIDEO_REMOTE, veryLongLink));

        assertEquals(Encoding.GSM_7, rendered.count().encoding());
        assertTrue(rendered.text().contains("(SSO@Jurong West Community Hub"), rendered.text());
        assertTrue(rendered.text().contains("...)"), rendered.text());
        assertFalse(rendered.text().contains(LONGEST_OFFICE));
        assertTrue(rendered.text().endsWith(veryLongLink));
        assertTrue(rendered.count().segments() <= 3);
    }

    @Test
    void anOfficeNameThatFitsIsNotCut() {
        String text = TEMPLATES.render(SmsKind.REMINDER, Language.EN,
                appointment(LONGEST_OFFICE, TUE_31_DEC_1030, SessionMode.VIDEO_REMOTE, LONGEST_LINK));

        assertTrue(text.contains(LONGEST_OFFICE), text);
    }

    @Test
    void typographicDashesInAnOfficeNameDoNotForceUcs2() {
        Rendered rendered = TEMPLATES.renderMeasured(SmsKind.CONFIRMATION, Language.EN,
                appointment("SSO@Jurong West – Blk 1’s “Hub”", TUE_3_DEC_1030, SessionMode.IN_PERSON, null));

        assertEquals(Encoding.GSM_7, rendered.count().encoding());
        assertTrue(rendered.text().contains("SSO@Jurong West - Blk 1's \"Hub\""), rendered.text());
    }

    @Test
    void aTextThatCannotFitEvenWithTheOfficeCutIsATemplateBug() {
        String absurdLink = "https://meet.example/" + "x".repeat(500);

        assertThrows(IllegalStateException.class, () -> TEMPLATES.render(SmsKind.CONFIRMATION, Language.ZH,
                appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.VIDEO_REMOTE, absurdLink)));
    }

    @Test
    void aTextAboutAnAppointmentNeedsItsFacts() {
        assertThrows(IllegalArgumentException.class,
                () -> TEMPLATES.render(SmsKind.CONFIRMATION, Language.EN, SmsFacts.none()));
        assertThrows(IllegalArgumentException.class, () -> TEMPLATES.render(SmsKind.WAITLIST_OFFER, Language.EN,
                appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.IN_PERSON, null)));
        assertThrows(IllegalArgumentException.class, () -> new SmsFacts(" ", TUE_3_DEC_1030, SessionMode.IN_PERSON, null, 0));
        assertThrows(IllegalArgumentException.class, () -> new SmsFacts("SSO@X", TUE_3_DEC_1030, SessionMode.IN_PERSON, null, -1));
    }

    @Test
    void englishStaysEnglishOnAServerRunningInChinese() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            String text = new SmsTemplates().render(SmsKind.REPLY_HELP, Language.EN, SmsFacts.none());
            assertEquals("Linkup: Reply YES to confirm, C to cancel, STOP to stop messages.", text);
        } finally {
            Locale.setDefault(before);
        }
    }

    /** The only way a name could reach a client is a new field here; adding one must be a deliberate act. */
    @Test
    void factsHoldNoNameOfClientServiceOrAgency() {
        assertEquals(List.of("officeName", "start", "mode", "videoLink", "offerMinutes"),
                Arrays.stream(SmsFacts.class.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void everyBundleHasExactlyTheKeysOfTheEnglishOne() throws IOException {
        Properties base = bundle("sms.properties");
        for (String name : BUNDLES) {
            assertEquals(base.stringPropertyNames(), bundle(name).stringPropertyNames(), name);
        }
    }

    @Test
    void thereIsATextForEveryKind() throws IOException {
        for (String name : BUNDLES) {
            Properties bundle = bundle(name);
            for (SmsKind kind : SmsKind.values()) {
                assertTrue(bundle.containsKey(SmsTemplates.key(kind)), name + " lacks " + kind);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anEmailNeverAsksForAReplyButSaysWhereWhenAndTheLink(Language language) {
        SmsFacts video = appointment("SSO@Tampines", TUE_3_DEC_1030, SessionMode.VIDEO_AT_SSO, LINK);
        for (SmsKind kind : List.of(SmsKind.CONFIRMATION, SmsKind.RESCHEDULED, SmsKind.CANCELLED)) {
            String mail = TEMPLATES.renderMail(kind, language, video);
            String sms = TEMPLATES.render(kind, language, video);

            assertFalse(mail.contains("YES") || LONE_C.matcher(mail).find(), mail);
            assertFalse(mail.startsWith(SmsTemplates.SENDER), mail);
            assertTrue(mail.contains("SSO@Tampines") && mail.contains("10:30"), mail);
            assertEquals(kind != SmsKind.CANCELLED, mail.contains(LINK), mail);
            if (kind == SmsKind.CANCELLED) {
                assertEquals(sms.substring(SmsTemplates.SENDER.length()), mail);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TEMPLATES.renderMail(SmsKind.REMINDER, language, video));
    }

    @Test
    void anEmailKeepsTheOfficeNameAsTyped() {
        SmsFacts facts = appointment("SSO@Bukit Merah \u2013 Henderson", TUE_3_DEC_1030, SessionMode.IN_PERSON, null);

        assertTrue(TEMPLATES.renderMail(SmsKind.CONFIRMATION, Language.EN, facts).contains("Merah \u2013 Henderson"));
    }

    @Test
    void everyMailTextSaysWhereAndWhenOnly() throws IOException {
        for (String name : BUNDLES) {
            Properties bundle = bundle(name);
            for (SmsKind kind : List.of(SmsKind.CONFIRMATION, SmsKind.RESCHEDULED)) {
                String marked = markPlaceholders(bundle.getProperty(SmsTemplates.MAIL + SmsTemplates.key(kind)));
                assertTrue(marked.contains("<0>") && marked.contains("<1>") && !marked.contains("<2>"),
                        name + " " + kind + ": " + marked);
            }
        }
    }

    /**
     * Templates only get {0} where, {1} when and {2} offer minutes: they cannot print anything else. Texts about an
     * appointment must print both where and when; only the offer states minutes; fragments take only {0}.
     */
    @Test
    void templatesUseOnlyTheFactsTheirKindAllows() throws IOException {
        for (String name : BUNDLES) {
            Properties bundle = bundle(name);
            for (SmsKind kind : SmsKind.values()) {
                String pattern = bundle.getProperty(SmsTemplates.key(kind));
                String marked = markPlaceholders(pattern);
                String where = name + " " + kind + ": " + marked;
                assertEquals(kind.namesAppointment(), marked.contains("<0>"), where);
                assertEquals(kind.namesAppointment(), marked.contains("<1>"), where);
                assertEquals(kind.statesOfferMinutes(), marked.contains("<2>"), where);
                assertTrue(new MessageFormat(pattern).getFormatsByArgumentIndex().length <= 3, where);
            }
            for (String fragment : List.of(SmsTemplates.PLACE_OFFICE, SmsTemplates.PLACE_REMOTE, SmsTemplates.VIDEO)) {
                String marked = markPlaceholders(bundle.getProperty(fragment));
                assertTrue(marked.contains("<0>"), name + " " + fragment);
                assertTrue(new MessageFormat(bundle.getProperty(fragment)).getFormatsByArgumentIndex().length <= 1,
                        name + " " + fragment);
            }
        }
    }

    private static String markPlaceholders(String pattern) {
        assertFalse(pattern.replace("''", "").contains("'"), "a lone quote hides placeholders: " + pattern);
        String marked = new MessageFormat(pattern).format(new Object[] {"<0>", "<1>", "<2>"});
        assertFalse(marked.contains("{"), "unformatted placeholder: " + marked);
        return marked;
    }

    @Property(tries = 300)
    void anyOfficeLinkAndStartFitThreePartsAndKeepTheTime(
            @ForAll("offices") String office, @ForAll("links") String link, @ForAll("starts") Instant start,
            @ForAll @IntRange(min = 1, max = 999) int offerMinutes, @ForAll SmsKind kind, @ForAll SessionMode mode,
            @ForAll Language language) {
        if (!kind.namesAppointment()) {
            return;
        }
        SmsFacts facts = new SmsFacts(office, start, mode, link, kind.statesOfferMinutes() ? offerMinutes : 0);
        Rendered rendered = TEMPLATES.renderMeasured(kind, language, facts);

        assertTrue(rendered.count().segments() <= SmsTemplates.MAX_SEGMENTS, rendered.toString());
        LocalDateTime local = LocalDateTime.ofInstant(start, ZoneId.of("Asia/Singapore"));
        assertTrue(rendered.text().contains(String.format("%02d:%02d", local.getHour(), local.getMinute())),
                rendered.text());
        if (kind.carriesVideoLink() && mode != SessionMode.IN_PERSON) {
            assertTrue(rendered.text().endsWith(link), rendered.text());
        }
    }

    /** Office names a directory could hold: Latin with GSM accents, punctuation and typographic dashes and quotes. */
    @Provide
    Arbitrary<String> offices() {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 @&(),.-/#'éü–’")
                .ofMinLength(1).ofMaxLength(120)
                .filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> links() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-_/?=")
                .ofMinLength(1).ofMaxLength(80 - "https://m.example/".length())
                .map(path -> "https://m.example/" + path);
    }

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs()
                .between(LocalDateTime.of(2024, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
                        LocalDateTime.of(2030, 12, 31, 23, 59).toEpochSecond(ZoneOffset.UTC))
                .map(seconds -> Instant.ofEpochSecond(seconds - seconds % 60));
    }

    private static Properties bundle(String name) throws IOException {
        try (InputStream in = SmsTemplates.class.getResourceAsStream("/sg/linkup/notification/" + name)) {
            assertTrue(in != null, name + " missing");
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, UTF_8));
            return properties;
        }
    }
}
