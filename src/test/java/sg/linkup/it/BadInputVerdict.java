package sg.linkup.it;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@link BadInputIT} holds each answer to bad input to, apart from the HTTP and the database so that
 * {@code BadInputVerdictTest} can show in milliseconds that a 5xx, an HTML error page or a refused request that
 * changed rows fails the IT.
 */
final class BadInputVerdict {

    private BadInputVerdict() {
    }

    /**
     * Null when the answer is right, else the line that says what was wrong. A refusal is a 4xx problem+json with
     * the row counts as they were (when {@code rowsMustStay}); {@code mustRefuse} says the input is plainly wrong,
     * so that a 2xx is a failure too. A 2xx to input that may be fine (an emoji in a name) is allowed.
     */
    static String judge(String what, Api.Reply answer, boolean mustRefuse, boolean rowsMustStay,
                        Map<String, Long> before, Map<String, Long> after) {
        if (answer.status() >= 500) {
            return "5xx: " + what + " → " + shortly(answer);
        }
        if (answer.status() >= 400) {
            if (!answer.isProblem()) {
                return "not problem+json: " + what + " → " + shortly(answer);
            }
            if (rowsMustStay && !before.equals(after)) {
                return "rows changed though refused: " + what + " → " + answer.status() + " "
                        + difference(before, after);
            }
            return null;
        }
        return mustRefuse ? "accepted: " + what + " → " + shortly(answer) : null;
    }

    /**
     * Payara refuses a path with an encoded NUL ({@code %00}) itself, with a bare 400, before any filter or
     * resource of the application runs (CoyoteAdapter's URI normalisation), so the application cannot answer it
     * with a problem. Only that answer is let through, recognised by what it lacks: a body, and the headers the
     * application's own SecurityHeaders filter puts on every answer.
     */
    static boolean refusedBeforeTheApplication(String target, Api.Reply answer) {
        return target.contains("%00") && answer.status() == 400 && answer.body().isEmpty()
                && (answer.headers() == null || answer.headers().firstValue("X-Content-Type-Options").isEmpty());
    }

    private static String shortly(Api.Reply answer) {
        String text = answer.toString().replaceAll("\\s+", " ");
        return text.length() > 240 ? text.substring(0, 240) + "…(" + text.length() + ")" : text;
    }

    static String difference(Map<String, Long> before, Map<String, Long> after) {
        return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t)))
                .map(t -> t + " " + before.get(t) + "→" + after.get(t)).collect(Collectors.joining(", "));
    }
}
