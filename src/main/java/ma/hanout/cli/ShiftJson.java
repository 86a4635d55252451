package ma.hanout.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftReport;

/** A shift on the command line, as JSON and as readable lines. */
final class ShiftJson {
    private ShiftJson() {
    }

    static Map<String, Object> of(Shift s) {
        Map<String, Object> m = new LinkedHashMap<>();
        ShiftReport r = s.report();
        m.put("id", s.id());
        m.put("cashier", s.cashier());
        m.put("terminal", s.terminal());
        m.put("state", s.isOpen() ? "open" : "closed");
        m.put("opened_at", s.openedAt().toString());
        m.put("closed_at", s.closedAt() == null ? null : s.closedAt().toString());
        m.put("closed_by", s.closedBy());
        m.put("sales", r == null ? null : r.sales());
        m.put("successes", r == null ? null : r.successes());
        m.put("failures", r == null ? null : r.failures());
        m.put("refunds", r == null ? null : r.refunds());
        m.put("pending", r == null ? null : r.pending());
        m.put("expected_cash", r == null ? null : r.expectedCash().toMad());
        m.put("counted_cash", r == null || r.countedCash() == null ? null : r.countedCash().toMad());
        m.put("difference", r == null || r.difference() == null ? null : r.difference().toMad());
        m.put("environment", s.account().environment().code());
        m.put("account", s.account().clientCode());
        return m;
    }

    static String line(Shift s) {
        StringBuilder b = new StringBuilder();
        b.append('#').append(s.id()).append("  ").append(s.cashier()).append("  ").append(s.terminal()).append("  ")
                .append(s.openedAt()).append(" .. ").append(s.isOpen() ? "open" : s.closedAt().toString());
        if (s.report() != null) {
            ShiftReport r = s.report();
            b.append("  ").append(r.sales()).append(" sales, expected ").append(r.expectedCash().display());
            if (r.countedCash() != null) {
                b.append(", counted ").append(r.countedCash().display()).append(", difference ")
                        .append(r.difference().display());
            }
        }
        return b.toString();
    }

    static String report(Shift s) {
        ShiftReport r = s.report();
        StringBuilder b = new StringBuilder();
        b.append("shift #").append(s.id()).append(" of ").append(s.cashier()).append(" at ").append(s.terminal())
                .append('\n');
        b.append("opened    ").append(s.openedAt()).append('\n');
        b.append("closed    ").append(s.closedAt()).append(" by ").append(s.closedBy()).append('\n');
        b.append("sales     ").append(r.sales()).append('\n');
        b.append("successes ").append(r.successes()).append('\n');
        b.append("failures  ").append(r.failures()).append('\n');
        b.append("refunds   ").append(r.refunds()).append('\n');
        b.append("pending   ").append(r.pending()).append('\n');
        b.append("expected cash ").append(r.expectedCash().display()).append('\n');
        if (r.countedCash() != null) {
            b.append("counted cash  ").append(r.countedCash().display()).append('\n');
            b.append("difference    ").append(r.difference().display()).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
