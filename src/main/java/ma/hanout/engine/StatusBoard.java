package ma.hanout.engine;

import java.util.concurrent.atomic.AtomicReference;

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.SaleState;
import ma.hanout.domain.Environment;
import ma.hanout.domain.QueuedSale;

/** Keeps what the status bar shows; counts are read from the database when a snapshot is taken. */
final class StatusBoard implements RechargeGateway.ConnectivityListener {
    private final java.util.function.Supplier<java.util.List<QueuedSale>> unsettled;
    private final Environment environment;
    private final Runnable changed;
    private final AtomicReference<Connectivity> connectivity = new AtomicReference<>(Connectivity.UNKNOWN);
    private volatile String refusalCode;
    private volatile Boolean relayConnected;
    private volatile BalanceSnapshot balance;

    StatusBoard(java.util.function.Supplier<java.util.List<QueuedSale>> unsettled, Environment environment,
            BalanceSnapshot initialBalance, Runnable changed) {
        this.unsettled = unsettled;
        this.environment = environment;
        this.balance = initialBalance;
        this.changed = changed;
    }

    EngineStatus snapshot() {
        int held = 0;
        int queued = 0;
        int uncertain = 0;
        for (QueuedSale q : unsettled.get()) {
            if (q.sale().state() == SaleState.QUEUED) {
                queued++;
                if (q.held()) {
                    held++;
                }
            } else {
                uncertain++;
            }
        }
        BalanceSnapshot b = balance;
        return new EngineStatus(connectivity.get(), refusalCode, relayConnected, b == null ? null : b.balance(),
                b == null ? null : b.creditLimit(), queued, held, uncertain, environment);
    }

    Connectivity connectivity() {
        return connectivity.get();
    }

    Boolean relayConnected() {
        return relayConnected;
    }

    void balance(BalanceSnapshot snapshot) {
        this.balance = snapshot;
        changed.run();
    }

    void relay(Boolean connected) {
        if (!java.util.Objects.equals(relayConnected, connected)) {
            relayConnected = connected;
            changed.run();
        }
    }

    @Override
    public void answered() {
        refusalCode = null;
        if (connectivity.getAndSet(Connectivity.ONLINE) != Connectivity.ONLINE) {
            changed.run();
        }
    }

    @Override
    public void unreachable(String reason) {
        if (connectivity.getAndSet(Connectivity.OFFLINE) != Connectivity.OFFLINE) {
            changed.run();
        }
    }

    @Override
    public void refused(String code, String message) {
        refusalCode = code;
        if (connectivity.getAndSet(Connectivity.REFUSED) != Connectivity.REFUSED) {
            changed.run();
        }
    }
}
