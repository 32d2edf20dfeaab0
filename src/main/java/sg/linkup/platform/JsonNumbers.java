package sg.linkup.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * How request bodies are read (JSON-B), with one change: whole-number fields take only whole numbers that fit.
 * Yasson on its own reads {@code 99999999999999999999999} into a Long by keeping its low 64 bits and
 * {@code 1.5} as 1, so an id out of range silently became another id and the request failed, or worse
 * succeeded, on something else. Here such a value is an {@link OutOfRange}; Yasson wraps it in an exception that
 * names the property, and {@link ProblemMapper} answers 400 naming the field. Likewise a yes/no field takes only
 * {@code true} or {@code false}: Yasson read {@code "yes"} and {@code 2} into a Boolean without a word (found by
 * BadInputIT), so a typo could withdraw a consent.
 */
@Provider
public class JsonNumbers implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new Longs(), new Integers(), new Booleans()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    /** A value the field's type refuses, with a message fit to show beside the field. */
    public abstract static class Refused extends JsonbException {
        Refused(String message) {
            super(message);
        }
    }

    /** A number that the field's type cannot hold exactly. */
    public static final class OutOfRange extends Refused {
        OutOfRange(long min, long max) {
            super("must be a whole number from " + min + " to " + max);
        }
    }

    /** A value that is not JSON's true or false where a yes/no is expected. */
    public static final class NotABoolean extends Refused {
        NotABoolean() {
            super("must be true or false");
        }
    }

    static final class Booleans implements JsonbDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return switch (parser.getValue().getValueType()) {
                case TRUE -> Boolean.TRUE;
                case FALSE -> Boolean.FALSE;
                case NULL -> null;
                default -> throw new NotABoolean();
            };
        }
    }

    static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    static final class Integers implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long whole = whole(parser, Integer.MIN_VALUE, Integer.MAX_VALUE);
            return whole == null ? null : whole.intValue();
        }
    }

    /** A JSON number, or a string holding one (as Yasson accepts), that is whole and within [min, max]; or null. */
    private static Long whole(JsonParser parser, long min, long max) {
        // getValue, not currentEvent: the parser Yasson hands to a deserializer supports only the former.
        JsonValue value = parser.getValue();
        BigDecimal number;
        try {
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            } else if (value instanceof JsonNumber json) {
                number = json.bigDecimalValue();
            } else if (value instanceof JsonString json) {
                number = new BigDecimal(json.getString().strip());
            } else {
                throw new OutOfRange(min, max);
            }
        } catch (NumberFormatException e) {
            throw new OutOfRange(min, max);
        }
        try {
            long whole = number.longValueExact();
            if (whole < min || whole > max) {
                throw new OutOfRange(min, max);
            }
            return whole;
        } catch (ArithmeticException e) {
            throw new OutOfRange(min, max);
        }
    }
}
