package sg.linkup.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import sg.linkup.notification.entity.SmsSegments.Count;
import sg.linkup.notification.entity.SmsSegments.Encoding;

class SmsSegmentsTest {

    private static final String CHINESE = "中";
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void oneHundredSixtyGsmCharactersFitOnePart() {
        assertEquals(new Count(Encoding.GSM_7, 160, 1), SmsSegments.measure("a".repeat(160)));
    }

    @Test
    void oneHundredSixtyOneGsmCharactersTakeTwoParts() {
        assertEquals(new Count(Encoding.GSM_7, 161, 2), SmsSegments.measure("a".repeat(161)));
    }

    @Test
    void concatenatedGsmPartsHold153Each() {
        assertEquals(2, SmsSegments.measure("a".repeat(306)).segments());
        assertEquals(3, SmsSegments.measure("a".repeat(307)).segments());
        assertEquals(3, SmsSegments.measure("a".repeat(459)).segments());
        assertEquals(4, SmsSegments.measure("a".repeat(460)).segments());
    }

    @Test
    void extensionCharactersCountTwoSeptets() {
        for (char c : "^{}\\[~]|€\f".toCharArray()) {
            assertEquals(new Count(Encoding.GSM_7, 2, 1), SmsSegments.measure(String.valueOf(c)), "char " + (int) c);
        }
        assertEquals(new Count(Encoding.GSM_7, 160, 1), SmsSegments.measure("{".repeat(80)));
        assertEquals(new Count(Encoding.GSM_7, 161, 2), SmsSegments.measure("{".repeat(80) + "a"));
    }

    @Test
    void euroSignStaysGsm7() {
        assertEquals(new Count(Encoding.GSM_7, 7, 1), SmsSegments.measure("€5 fee"));
    }

    @Test
    void anEscapedCharacterIsNotSplitAcrossParts() {
        // 306 septets would be 2 full parts, but the € cannot straddle the first boundary.
        String text = "a".repeat(152) + "€" + "a".repeat(152);

        assertEquals(new Count(Encoding.GSM_7, 306, 3), SmsSegments.measure(text));
    }

    @Test
    void gsmBasicSetIncludesAccentsGreekAndLineBreaks() {
        assertEquals(Encoding.GSM_7, SmsSegments.measure("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà\r\n").encoding());
    }

    @Test
    void oneChineseCharacterSendsTheWholeTextAsUcs2() {
        assertEquals(new Count(Encoding.UCS_2, 160, 3), SmsSegments.measure("a".repeat(159) + CHINESE));
    }

    @Test
    void typographicPunctuationIsNotGsm7() {
        assertEquals(Encoding.UCS_2, SmsSegments.measure("Jurong West – Blk 1").encoding());
        assertEquals(Encoding.UCS_2, SmsSegments.measure("wait…").encoding());
    }

    @Test
    void seventyUcs2UnitsFitOnePartAndSeventyOneTakeTwo() {
        assertEquals(new Count(Encoding.UCS_2, 70, 1), SmsSegments.measure(CHINESE.repeat(70)));
        assertEquals(new Count(Encoding.UCS_2, 71, 2), SmsSegments.measure(CHINESE.repeat(71)));
    }

    @Test
    void concatenatedUcs2PartsHold67Each() {
        assertEquals(2, SmsSegments.measure(CHINESE.repeat(134)).segments());
        assertEquals(3, SmsSegments.measure(CHINESE.repeat(135)).segments());
        assertEquals(3, SmsSegments.measure(CHINESE.repeat(201)).segments());
        assertEquals(4, SmsSegments.measure(CHINESE.repeat(202)).segments());
    }

    @Test
    void anEmojiCountsTwoUnits() {
        assertEquals(new Count(Encoding.UCS_2, 2, 1), SmsSegments.measure(EMOJI));
        assertEquals(new Count(Encoding.UCS_2, 70, 1), SmsSegments.measure(EMOJI.repeat(35)));
        assertEquals(new Count(Encoding.UCS_2, 72, 2), SmsSegments.measure(EMOJI.repeat(36)));
    }

    @Test
    void aSurrogatePairIsNotSplitAcrossParts() {
        // 134 units would be 2 full parts, but the emoji cannot straddle the first boundary.
        String text = CHINESE.repeat(66) + EMOJI + CHINESE.repeat(66);

        assertEquals(new Count(Encoding.UCS_2, 134, 3), SmsSegments.measure(text));
    }

    @Test
    void anEmptyTextStillCostsOnePart() {
        assertEquals(new Count(Encoding.GSM_7, 0, 1), SmsSegments.measure(""));
    }

    @Property
    void plainGsmTextCostsOnePartUpTo160Then153Each(@ForAll @IntRange(min = 1, max = 1000) int length) {
        int expected = length <= 160 ? 1 : (length + 152) / 153;

        assertEquals(new Count(Encoding.GSM_7, length, expected), SmsSegments.measure("x".repeat(length)));
    }

    @Property
    void plainUcs2TextCostsOnePartUpTo70Then67Each(@ForAll @IntRange(min = 1, max = 1000) int length) {
        int expected = length <= 70 ? 1 : (length + 66) / 67;

        assertEquals(new Count(Encoding.UCS_2, length, expected), SmsSegments.measure("த".repeat(length)));
    }
}
