package ma.hanout.ui.counter;

import java.util.List;
import java.util.Optional;

import javafx.scene.input.KeyCode;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;

/**
 * The counter's keyboard: a regular sale needs no mouse. Digits type the number (the phone field
 * has the focus), a letter picks the operator, a function key picks the amount, {@code *} then a
 * digit picks the offer, Enter sells, Enter again confirms, Escape goes back.
 */
public final class CounterKeys {

    /** The quick amounts, in the order of their keys F1, F2, ... */
    public static final List<Money> QUICK_AMOUNTS = List.of(Money.ofMad(5), Money.ofMad(10), Money.ofMad(20),
            Money.ofMad(30), Money.ofMad(50), Money.ofMad(100), Money.ofMad(200));

    /** Moves the focus to the free amount. */
    public static final KeyCode FREE_AMOUNT_KEY = KeyCode.F8;

    private CounterKeys() {
    }

    /** The operator whose key is {@code code} (O, I, M). */
    public static Optional<Operator> operatorFor(KeyCode code) {
        for (Operator o : Operator.values()) {
            if (code.getName().length() == 1 && code.getName().charAt(0) == o.key()) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The quick amount on function key {@code code}: F1 = 5 DH ... F7 = 200 DH. */
    public static Optional<Money> amountFor(KeyCode code) {
        int i = code.ordinal() - KeyCode.F1.ordinal();
        if (code.isFunctionKey() && i >= 0 && i < QUICK_AMOUNTS.size()) {
            return Optional.of(QUICK_AMOUNTS.get(i));
        }
        return Optional.empty();
    }

    /** The label shown on the quick amount button for {@code amount}: {@code F3}. */
    public static String keyLabel(Money amount) {
        return "F" + (QUICK_AMOUNTS.indexOf(amount) + 1);
    }

    /** The amount as written on its button: {@code 20 DH}. */
    public static String amountLabel(Money amount) {
        return amount.isWholeDirhams() ? amount.centimes() / 100 + " DH" : amount.display();
    }
}
