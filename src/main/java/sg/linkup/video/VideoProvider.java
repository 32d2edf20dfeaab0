package sg.linkup.video;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Names a {@link VideoMeetings} implementation, as {@code linkup.video.provider} refers to it. Being a
 * qualifier, it also takes the implementation out of {@code @Default}, so booking code's plain
 * {@code @Inject VideoMeetings} is never ambiguous: only {@link VideoMeetingsProducer} answers it.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface VideoProvider {

    /** The value of {@code linkup.video.provider} that selects this implementation, in lower case. */
    String value();
}
