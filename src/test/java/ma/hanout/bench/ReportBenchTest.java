package ma.hanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportBenchTest {

    @Test
    void aSmallRunMeasuresEveryPeriodAndChecksTheSummaryAgainstTheSales() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Number> figures = new ReportBench(5_000, 20).run(new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(figures).containsEntry("rows", 5_000);
        for (String key : new String[] {"report_day", "report_30_days", "report_year", "report_all", "chart_30_days"}) {
            assertThat(figures.get(key + "_p99_ms").doubleValue()).as(key)
                    .isGreaterThanOrEqualTo(figures.get(key + "_p50_ms").doubleValue());
        }
        assertThat(figures).containsKeys("summary_rows", "fill_s", "scan_year_p50_ms", "scan_year_x_report_year");
        assertThat(out).contains("the year's takings from the summary equal those computed from the sales")
                .contains("plan report_year: SEARCH takings_hourly USING PRIMARY KEY (environment=? AND account_key=? AND hour>? AND hour<?)");
    }

    @Test
    void isRegisteredUnderReport() {
        assertThat(Benchmarks.create("report")).containsInstanceOf(ReportBench.class);
    }
}
