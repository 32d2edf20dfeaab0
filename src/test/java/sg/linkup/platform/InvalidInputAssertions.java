package sg.linkup.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Asserts that a domain rule refused input and blamed the right field. */
public final class InvalidInputAssertions {

    private InvalidInputAssertions() {
    }

    public static InvalidInput assertRefused(String field, Executable action) {
        InvalidInput refusal = assertThrows(InvalidInput.class, action);
        assertEquals(List.of(field), refusal.violations().stream().map(LinkupException.Violation::field).toList(),
                "field named in the violation");
        return refusal;
    }
}
