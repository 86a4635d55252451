package ma.hanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The startup bench end to end, one start of each child, headless: the real app reaches its ready
 * marker (the counter's phone field focused) through Main, init and start, as a separate process.
 */
class StartupBenchTest {

    @Test
    void theAppAndTheMinimalWindowBothReachReadyAndTheRatioIsReported() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Map<String, Number> figures = new StartupBench(1).run(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(figures).containsOnlyKeys("startup_median_ms", "minimal_median_ms", "ratio", "first_start_ms");
        assertThat(figures.get("startup_median_ms").longValue()).isPositive();
        assertThat(figures.get("minimal_median_ms").longValue()).isPositive();
        assertThat(figures.get("ratio").doubleValue()).isPositive();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("counter ready (median)");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(StartupBench.median(new long[] {5, 1, 3})).isEqualTo(3);
        assertThat(StartupBench.median(new long[] {4, 1, 3, 10})).isEqualTo(3);
    }
}
