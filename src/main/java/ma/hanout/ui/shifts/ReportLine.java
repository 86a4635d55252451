package ma.hanout.ui.shifts;

/** One line of a shift report as shown: what, and how much. */
public record ReportLine(String label, String value) {
}
