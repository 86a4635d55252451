package ma.hanout.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import ma.hanout.domain.Role;
import ma.hanout.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinGateTest {
    @TempDir
    Path tmp;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private ShopData shop;
    private PinGate gate;

    @BeforeEach
    void open() {
        shop = ShopData.open(tmp.resolve("shop"), Map.of("HANOUT_KEY_DIR", tmp.resolve("k").toString()), clock);
        shop.staff().add("Fatima", Role.OWNER, "4821", "test");
        shop.staff().add("Karim", Role.CASHIER, "1357", "test");
        gate = shop.pinGate();
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void theRightPinSignsInAndAWrongOneSaysHowManyTriesAreLeft() {
        assertThat(gate.signIn("karim", "1357")).isInstanceOfSatisfying(PinGate.Accepted.class,
                a -> assertThat(a.user().name()).isEqualTo("Karim"));
        assertThat(gate.signIn("Karim", "0000")).isEqualTo(new PinGate.Wrong(4));
        assertThat(gate.signIn("Nobody", "1357")).isEqualTo(new PinGate.Wrong(3));
        assertThat(gate.signIn("Karim", "1357")).isInstanceOf(PinGate.Accepted.class);
        assertThat(gate.signIn("Karim", "0000")).as("a right PIN clears the count").isEqualTo(new PinGate.Wrong(4));
    }

    @Test
    void fiveWrongPinsLockThePadWithAGrowingDelayThatSurvivesARestart() {
        for (int i = 0; i < 4; i++) {
            assertThat(gate.signIn("Karim", "0000")).isInstanceOf(PinGate.Wrong.class);
        }
        Instant t = clock.instant();
        assertThat(gate.signIn("Karim", "0000")).isEqualTo(new PinGate.Locked(t.plusSeconds(30)));
        assertThat(gate.signIn("Karim", "1357")).as("even the right PIN waits").isEqualTo(new PinGate.Locked(t.plusSeconds(30)));
        assertThat(shop.pinGate().lockedUntil()).as("another gate, same disk").contains(t.plusSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        Instant t2 = clock.instant();
        assertThat(gate.signIn("Fatima", "9999")).isEqualTo(new PinGate.Locked(t2.plusSeconds(60)));
        clock.advance(Duration.ofSeconds(61));
        assertThat(gate.signIn("Karim", "1357")).isInstanceOf(PinGate.Accepted.class);
        assertThat(gate.lockedUntil()).isEmpty();
        assertThat(PinGate.lockFor(50)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anOwnerScreenRefusesACashiersRightPin() {
        assertThat(gate.signInOwner("Karim", "1357")).isInstanceOf(PinGate.NotOwner.class);
        assertThat(gate.signInOwner("Fatima", "4821")).isInstanceOf(PinGate.Accepted.class);
    }
}
