package ma.hanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class HistoryBenchTest {

    @Test
    void aSmallRunMeasuresEveryFigureAndShowsThePlans() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Number> figures = new HistoryBench(3_000, 20).run(new PrintStream(bytes, true,
                StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(figures).containsEntry("rows", 3_000);
        for (String key : new String[] {"pk_lookup", "phone_search", "first_page", "next_page", "ref_search",
                "ref_interne_search", "phone_prefix_search"}) {
            assertThat(figures.get(key + "_p50_ms").doubleValue()).as(key).isPositive();
            assertThat(figures.get(key + "_p99_ms").doubleValue()).as(key)
                    .isGreaterThanOrEqualTo(figures.get(key + "_p50_ms").doubleValue());
            assertThat(out).contains(key);
        }
        assertThat(figures).containsKeys("fill_s", "db_mb", "phone_search_p50_x_floor", "first_page_p50_x_floor");
        assertThat(out).contains("plan phone_search: SEARCH sales USING INDEX sales_by_phone (phone=?)")
                .contains("plan first_page: SCAN sales USING INDEX sales_by_date");
    }

    @Test
    void isRegisteredUnderHistory() {
        assertThat(Benchmarks.create("history")).containsInstanceOf(HistoryBench.class);
    }
}
