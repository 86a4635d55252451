package ma.hanout.engine;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.Money;
import ma.hanout.store.BalanceStore;

/** The known balance: every {@code balance_after} and {@code /balance} answer updates it. */
final class BalanceTracker {
    private final BalanceStore store;
    private final Clock clock;
    private final Consumer<BalanceSnapshot> changed;

    BalanceTracker(BalanceStore store, Clock clock, Consumer<BalanceSnapshot> changed) {
        this.store = store;
        this.clock = clock;
        this.changed = changed;
    }

    Optional<BalanceSnapshot> latest() {
        return store.latest();
    }

    /** A balance from a recharge answer: it has no credit limit, so the last known one is kept. */
    void learnedBalanceAfter(Money balance, String source) {
        Money credit = store.latest().map(BalanceSnapshot::creditLimit).orElse(null);
        String currency = store.latest().map(BalanceSnapshot::currency).orElse("MAD");
        learned(new BalanceSnapshot(balance, credit, currency, clock.instant(), source));
    }

    void learned(BalanceSnapshot snapshot) {
        store.record(snapshot);
        changed.accept(snapshot);
    }
}
