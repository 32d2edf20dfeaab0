package sg.linkup.reporting.boundary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sg.linkup.reporting.entity.Report;

/** A report as RFC 4180 CSV: the same rows and figures as the JSON, "< 5" where a figure is suppressed. */
final class ReportCsv {

    static final String SUPPRESSED = "< 5";

    private ReportCsv() {
    }

    static String write(Report report) {
        Map<String, String> periods = new HashMap<>();
        report.periods().forEach(p -> periods.put(p.key(), p.label()));
        Map<String, String> groups = new HashMap<>();
        report.groups().forEach(g -> groups.put(g.key(), g.label()));
        StringBuilder csv = new StringBuilder();
        line(csv, header(report));
        for (Report.Row row : report.rows()) {
            java.util.ArrayList<String> fields = new java.util.ArrayList<>();
            fields.add(row.period() == null ? "Total" : periods.getOrDefault(row.period(), row.period()));
            fields.add(row.group() == null ? "All" : groups.getOrDefault(row.group(), row.group()));
            for (Report.Column column : report.columns()) {
                Object value = row.cells().get(column.key());
                fields.add(row.suppressed().contains(column.key()) ? SUPPRESSED
                        : value == null ? "" : String.valueOf(value));
            }
            line(csv, fields);
        }
        return csv.toString();
    }

    private static List<String> header(Report report) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>(List.of("Period", groupName(report.groupBy())));
        report.columns().forEach(c -> names.add(c.label() + unit(c.unit())));
        return names;
    }

    private static String groupName(String groupBy) {
        return switch (groupBy == null ? "NONE" : groupBy) {
            case "OFFICE" -> "SSO";
            case "AGENCY" -> "Agency";
            case "SERVICE" -> "Service";
            case "MODE" -> "Mode";
            default -> "Group";
        };
    }

    private static String unit(String unit) {
        return switch (unit) {
            case "percent" -> " (%)";
            case "hours" -> " (hours)";
            case "km" -> " (km)";
            case "days" -> " (days)";
            default -> "";
        };
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quoted when it must be; a label that a spreadsheet would run as a formula is defused with a quote mark. */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
