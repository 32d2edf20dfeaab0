package sg.linkup.notification.entity;

import java.util.Locale;
import java.util.Set;

/** What a client's text message asks for. Only the first word counts; case and punctuation are ignored. */
public enum Keyword {
    YES, CANCEL, STOP, START, OTHER;

    // Only the words the texts ask for: "ok" or "confirm" may be a question, and YES takes an offered slot.
    private static final Set<String> YES_WORDS = Set.of("YES", "Y");
    private static final Set<String> CANCEL_WORDS = Set.of("C", "CANCEL");
    // The carriers' usual opt-out and opt-in words, so a client is not texted after any of them.
    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT");
    private static final Set<String> START_WORDS = Set.of("START", "UNSTOP");

    public static Keyword of(String text) {
        if (text == null) {
            return OTHER;
        }
        String[] words = text.strip().split("\\s+", 2);
        String first = words[0].replaceAll("[\\p{Punct}\\p{IsPunctuation}]", "").toUpperCase(Locale.ROOT);
        if (YES_WORDS.contains(first)) {
            return YES;
        }
        if (CANCEL_WORDS.contains(first)) {
            return CANCEL;
        }
        if (STOP_WORDS.contains(first)) {
            return STOP;
        }
        if (START_WORDS.contains(first)) {
            return START;
        }
        return OTHER;
    }
}
