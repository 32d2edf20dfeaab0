package sg.linkup.notification.sms;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an {@link SmsSender} implementation, as {@code linkup.sms.provider} refers to it. */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface SmsProvider {
    String value();

    /** For choosing an implementation by its configured name. */
    final class Literal extends AnnotationLiteral<SmsProvider> implements SmsProvider {

        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
