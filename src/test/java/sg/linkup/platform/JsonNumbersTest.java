package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies are read with the real Yasson, configured as the server configures it. */
class JsonNumbersTest {

    private final Jsonb jsonb = new JsonNumbers().getContext(Object.class);

    public record Request(Long serviceId, Integer durationMinutes, List<Long> serviceIds, Inner client,
                          Boolean consent) {
    }

    public record Inner(String name, Long officeId) {
    }

    private Request read(String json) {
        return jsonb.fromJson(json, Request.class);
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void wholeNumbersInRangeAreReadAsBefore() {
        Request request = read("""
                {"serviceId":9223372036854775807,"durationMinutes":-2147483648,"serviceIds":[1,2.0,"3"],
                 "client":{"name":"Siti","officeId":7}}""");

        assertEquals(Long.MAX_VALUE, request.serviceId());
        assertEquals(Integer.MIN_VALUE, request.durationMinutes());
        assertEquals(List.of(1L, 2L, 3L), request.serviceIds());
        assertEquals(7L, request.client().officeId());
    }

    @Test
    void nullStaysNull() {
        Request request = read("{\"serviceId\":null,\"durationMinutes\":null}");

        assertNull(request.serviceId());
        assertNull(request.durationMinutes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999999", "9223372036854775808", "-9223372036854775809", "1.5",
            "1e30", "\"99999999999999999999999\"", "\"seven\"", "true"})
    void aLongThatCannotHoldTheValueIsRefusedNotWrappedOrRounded(String value) {
        JsonbException refused = assertThrows(JsonbException.class, () -> read("{\"serviceId\":" + value + "}"));

        assertInstanceOf(JsonNumbers.OutOfRange.class, root(refused));
        assertEquals("serviceId", ProblemMapper.bodyField(refused));
    }

    @Test
    void anIntegerBeyondItsRangeIsRefusedInsteadOfWrappingIntoAPlausibleValue() {
        // 2^32 + 45 used to be read as 45 minutes.
        JsonbException refused = assertThrows(JsonbException.class, () -> read("{\"durationMinutes\":4294967341}"));

        assertEquals("must be a whole number from -2147483648 to 2147483647", root(refused).getMessage());
        assertEquals("durationMinutes", ProblemMapper.bodyField(refused));
    }

    @Test
    void aNestedFieldIsNamedWithItsPath() {
        JsonbException refused = assertThrows(JsonbException.class,
                () -> read("{\"client\":{\"name\":\"Siti\",\"officeId\":1e19}}"));

        assertEquals("client.officeId", ProblemMapper.bodyField(refused));
    }

    @Test
    void anElementOfAListIsNamedByTheList() {
        JsonbException refused = assertThrows(JsonbException.class,
                () -> read("{\"serviceIds\":[1,99999999999999999999]}"));

        assertEquals("serviceIds", ProblemMapper.bodyField(refused));
    }

    @Test
    void aYesNoFieldTakesTrueFalseOrNull() {
        assertEquals(Boolean.TRUE, read("{\"consent\":true}").consent());
        assertEquals(Boolean.FALSE, read("{\"consent\":false}").consent());
        assertNull(read("{\"consent\":null}").consent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"true\"", "2", "0", "\"\"", "[true]", "{}"})
    void aYesNoFieldRefusesAnythingElseNamingTheField(String value) {
        JsonbException refused = assertThrows(JsonbException.class, () -> read("{\"consent\":" + value + "}"));

        assertEquals("consent", ProblemMapper.bodyField(refused));
    }
}
