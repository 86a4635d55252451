package ma.hanout.ui.counter;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.input.KeyCode;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import org.junit.jupiter.api.Test;

class CounterKeysTest {

    @Test
    void functionKeysPickTheQuickAmountsInOrder() {
        assertThat(CounterKeys.amountFor(KeyCode.F1)).contains(Money.ofMad(5));
        assertThat(CounterKeys.amountFor(KeyCode.F3)).contains(Money.ofMad(20));
        assertThat(CounterKeys.amountFor(KeyCode.F7)).contains(Money.ofMad(200));
        assertThat(CounterKeys.amountFor(KeyCode.F8)).isEmpty();
        assertThat(CounterKeys.amountFor(KeyCode.A)).isEmpty();
        assertThat(CounterKeys.keyLabel(Money.ofMad(100))).isEqualTo("F6");
    }

    @Test
    void eachOperatorHasItsLetter() {
        assertThat(CounterKeys.operatorFor(KeyCode.O)).contains(Operator.ORANGE);
        assertThat(CounterKeys.operatorFor(KeyCode.I)).contains(Operator.INWI);
        assertThat(CounterKeys.operatorFor(KeyCode.M)).contains(Operator.MAROC_TELECOM);
        assertThat(CounterKeys.operatorFor(KeyCode.X)).isEmpty();
        assertThat(CounterKeys.operatorFor(KeyCode.DIGIT1)).isEmpty();
    }

    @Test
    void quickAmountsReadAsWholeDirhams() {
        assertThat(CounterKeys.amountLabel(Money.ofMad(20))).isEqualTo("20 DH");
    }
}
