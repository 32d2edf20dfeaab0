package sg.linkup.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import sg.linkup.platform.InvalidInput;
import sg.linkup.platform.Text;

/** A service's name in each of Linkup's four client languages; none may be missing. */
@Embeddable
public class ServiceName {

    @Column(name = "name_en", nullable = false, length = 120)
    private String en;

    @Column(name = "name_zh", nullable = false, length = 120)
    private String zh;

    @Column(name = "name_ms", nullable = false, length = 120)
    private String ms;

    @Column(name = "name_ta", nullable = false, length = 120)
    private String ta;

    protected ServiceName() {
    }

    public ServiceName(String en, String zh, String ms, String ta) {
        this.en = required("name.en", en);
        this.zh = required("name.zh", zh);
        this.ms = required("name.ms", ms);
        this.ta = required("name.ta", ta);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "every language needs a name");
        }
        return Text.singleLine(field, value).strip();
    }

    public String in(Language language) {
        return switch (language) {
            case EN -> en;
            case ZH -> zh;
            case MS -> ms;
            case TA -> ta;
        };
    }
}
