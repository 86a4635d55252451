package ma.hanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The memory bench end to end on a small history, headless: the real app as a child process opens
 * its history, scrolls it page after page, and its resident memory is read from /proc.
 */
class MemoryBenchTest {

    @Test
    void theAppShowsItsHistoryPagesAndItsResidentMemoryIsRead() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int rows = 3 * ma.hanout.ui.history.HistoryViewModel.PAGE_SIZE + 7;
        Map<String, Number> figures = new MemoryBench(rows, false, 300)
                .run(new PrintStream(text, true, StandardCharsets.UTF_8));
        // fewer rows than PAGES pages: the history is scrolled to its end; the demo shop's sample sales come on top
        assertThat(figures.get("history_rows_shown").intValue()).isGreaterThanOrEqualTo(rows);
        assertThat(figures.get("hwm_mb").longValue()).isGreaterThan(20)
                .isGreaterThanOrEqualTo(figures.get("rss_mb").longValue());
        assertThat(figures.get("empty_hwm_mb").longValue()).isPositive();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("full history, as installed");
    }

    @Test
    void statusLinesInKilobytesAreRead() throws Exception {
        Map<String, Long> kb = MemoryBench.statusKb(Path.of("/proc/self/status"));
        assertThat(kb.get("VmRSS")).isPositive();
        assertThat(kb.get("VmHWM")).isGreaterThanOrEqualTo(kb.get("VmRSS"));
    }
}
