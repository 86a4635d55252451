package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fault list of DESIGN section 3, parsed strictly. */
class FaultSpecTest {

    @Test
    void parsesTheFullListOfTheDesign() {
        FaultSpec f = FaultSpec.parse("latency=20ms,timeout=0.1,error-before=0.05,error-after=0.05,reset=0.05,"
                + "webhook-drop=0.1,webhook-dup=0.2,webhook-reorder=0.3,webhook-delay=1s");
        assertThat(f.latency()).isEqualTo(Duration.ofMillis(20));
        assertThat(f.timeout()).isEqualTo(0.1);
        assertThat(f.errorBefore()).isEqualTo(0.05);
        assertThat(f.errorAfter()).isEqualTo(0.05);
        assertThat(f.reset()).isEqualTo(0.05);
        assertThat(f.webhookDrop()).isEqualTo(0.1);
        assertThat(f.webhookDup()).isEqualTo(0.2);
        assertThat(f.webhookReorder()).isEqualTo(0.3);
        assertThat(f.webhookDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(FaultSpec.parse(f.toString())).isEqualTo(f);
    }

    @ParameterizedTest
    @CsvSource({"20ms, 20", "1s, 1000", "1.5s, 1500", "2m, 120000", "0ms, 0", "0.5ms, 0.5"})
    void durationsTakeMsSOrM(String text, double millis) {
        assertThat(FaultSpec.parse("latency=" + text).latency().toNanos()).isEqualTo((long) (millis * 1_000_000));
    }

    @Test
    void blankMeansNoFaultAndToleratesSpaces() {
        assertThat(FaultSpec.parse("")).isEqualTo(FaultSpec.NONE);
        assertThat(FaultSpec.parse(null)).isEqualTo(FaultSpec.NONE);
        assertThat(FaultSpec.parse("  ")).isEqualTo(FaultSpec.NONE);
        assertThat(FaultSpec.NONE.toString()).isEmpty();
        assertThat(FaultSpec.parse(" timeout = 0.5 , latency=1s ").toString()).isEqualTo("latency=1000ms,timeout=0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bogus=1", "timeout", "timeout=", "timeout=1.5", "timeout=-0.1", "timeout=abc", "timeout=1e-3",
        "latency=20", "latency=20h", "latency=ms", "latency=-5ms", "latency=2h", "timeout=0.1,timeout=0.2",
        "timeout=0.6,reset=0.6", "webhook-drop=0.5,webhook-dup=0.6", "timeout=0.1,,reset=0.1", ",", "=0.1"})
    void aMalformedSpecIsRefusedWithAClearMessage(String spec) {
        assertThatThrownBy(() -> FaultSpec.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid fault spec '" + spec + "'");
    }

    @Test
    void anUnknownFaultNamesTheKnownOnes() {
        assertThatThrownBy(() -> FaultSpec.parse("drop=0.1"))
                .hasMessageContaining("unknown fault 'drop'")
                .hasMessageContaining("webhook-drop");
    }
}
