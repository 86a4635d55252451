package ma.hanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The startup bench end to end, headless: the real app, started as a child process with the
 * desktop options, reaches the point where a sale can be made (phone field focused, engine open),
 * after its phone field first had the focus. (The AppCDS archive needs the jar: {@code bench
 * startup} on {@code target/hanout.jar}, and the installer's test script.)
 */
class StartupBenchTest {

    @Test
    void theAppReachesASalePossibleWithItsArchiveAndTheRatioIsReported() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Map<String, Number> figures = new StartupBench(1, false).run(new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(figures).containsOnlyKeys("startup_median_ms", "startup_focused_median_ms", "minimal_median_ms",
                "ratio", "first_start_ms");
        assertThat(figures.get("startup_median_ms").longValue())
                .isGreaterThanOrEqualTo(figures.get("startup_focused_median_ms").longValue()).isPositive();
        assertThat(figures.get("minimal_median_ms").longValue()).isPositive();
        assertThat(figures.get("ratio").doubleValue()).isPositive();
        // from target/classes (folders): no AppCDS archive can be made; the bench says so and goes on
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("AppCDS needs a class path of jars");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(StartupBench.median(new long[] {5, 1, 3})).isEqualTo(3);
        assertThat(StartupBench.median(new long[] {4, 1, 3, 10})).isEqualTo(3);
    }
}
