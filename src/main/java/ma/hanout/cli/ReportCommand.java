package ma.hanout.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.domain.OperatorTakings;
import ma.hanout.domain.Takings;
import ma.hanout.domain.TakingsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", description = {
    "Takings per operator over a period: count, face value, billed and margin of the successful sales,",
    "and how many failed, were refunded or are pending. Only the current account's sales count."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, YYYY-MM-DD, local time (default today).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive (default: --from, else today).")
    String to;

    @Option(names = "--json", description = "Print {\"from\",\"to\",\"operators\":[...],\"total\":{...}}, amounts in MAD.")
    boolean json;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        try (AppContext app = engineOptions.open()) {
            var office = app.office(Stdin::actor);
            LocalDate today = office.today();
            LocalDate first = Dates.parse(cl, "--from", from, today);
            LocalDate last = Dates.parse(cl, "--to", to, from != null ? first : today);
            Dates.requireOrdered(cl, first, last);
            TakingsReport report = office.report(first, last);
            PrintWriter out = cl.getOut();
            if (json) {
                out.println(SaleJson.write(json(report)));
            } else {
                print(out, report);
            }
            return 0;
        }
    }

    static Map<String, Object> json(TakingsReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", r.from().toString());
        m.put("to", r.to().toString());
        m.put("environment", r.account().environment().code());
        m.put("account", r.account().clientCode());
        m.put("operators", r.operators().stream().map(o -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operator", o.operator().wireName());
            row.putAll(figures(o.takings()));
            return row;
        }).toList());
        m.put("total", figures(r.total()));
        return m;
    }

    private static Map<String, Object> figures(Takings t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", t.successes());
        m.put("face_value", t.faceValue().toMad());
        m.put("billed", t.billed().toMad());
        m.put("margin", t.margin().toMad());
        m.put("failed", t.failures());
        m.put("refunded", t.refunds());
        m.put("pending", t.pending());
        return m;
    }

    private static void print(PrintWriter out, TakingsReport r) {
        out.printf(Locale.ROOT, "takings %s .. %s (%s%s)%n", r.from(), r.to(), r.account().environment().code(),
                r.account().clientCode() == null ? "" : " " + r.account().clientCode());
        String format = "%-14s %6s %14s %14s %12s %7s %9s %8s%n";
        out.printf(Locale.ROOT, format, "operator", "count", "face value", "billed", "margin", "failed", "refunded",
                "pending");
        List<OperatorTakings> rows = r.operators();
        for (OperatorTakings o : rows) {
            line(out, format, o.operator().displayName(), o.takings());
        }
        line(out, format, "total", r.total());
    }

    private static void line(PrintWriter out, String format, String name, Takings t) {
        out.printf(Locale.ROOT, format, name, t.successes(), t.faceValue().display(), t.billed().display(),
                t.margin().display(), t.failures(), t.refunds(), t.pending());
    }
}
