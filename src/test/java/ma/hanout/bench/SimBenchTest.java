package ma.hanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SimBenchTest {

    @Test
    void measuresRechargesAndTheFloorInTheSameRunWithoutErrors() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Map<String, Number> figures = new SimBench(2, Duration.ofMillis(100), Duration.ofMillis(300))
                .run(new PrintStream(text, true, StandardCharsets.UTF_8));

        assertThat(figures).containsKeys("recharges_per_s", "floor_per_s", "ratio", "recharges", "floor_requests",
                "errors");
        assertThat(figures.get("errors").longValue()).isZero();
        assertThat(figures.get("recharges").longValue()).isPositive();
        assertThat(figures.get("floor_requests").longValue()).isPositive();
        double ratio = figures.get("ratio").doubleValue();
        assertThat(ratio).isCloseTo(figures.get("recharges_per_s").doubleValue()
                / figures.get("floor_per_s").doubleValue(), org.assertj.core.data.Offset.offset(0.01));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("floor").contains("ratio sim/floor");
        assertThat(Benchmarks.create("sim")).get().isInstanceOf(SimBench.class);
    }
}
