package sg.linkup.reporting.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published report: one shape for all of them, as JSON and as CSV. A cell is a number (or, for an instant, its
 * ISO text) or null; a null whose key is in its row's {@code suppressed} is shown as "< 5", any other null is
 * "not applicable". Rows with a null period are totals over the range, with a null group totals over groups.
 */
@JsonbNillable
public record Report(String report, String title, LocalDate from, LocalDate to, Period period, String groupBy,
                     Map<String, Object> filters, List<Column> columns, List<PeriodInfo> periods, List<Group> groups,
                     List<Row> rows, Reference reference, List<String> notes, Instant generatedAt) {

    public record Column(String key, String label, String unit) {
    }

    public record PeriodInfo(String key, String label, LocalDate start, LocalDate end) {
    }

    public record Group(String key, String label) {
    }

    @JsonbNillable
    public record Row(String period, String group, Map<String, Object> cells, List<String> suppressed) {
    }

    /** A line to draw on a chart: the seed's ~400 hours of travel saved a year, cut per period. */
    public record Reference(String column, String label, double perPeriod) {
    }
}
