package ma.hanout.engine;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.Price;
import ma.hanout.store.PriceStore;

/** Refreshing the local cache from the API: balance, prices, history; and the probe while offline. */
final class ServerSync {
    private final RechargeGateway gateway;
    private final BalanceTracker balance;
    private final PriceStore prices;
    private final HistorySync history;
    private final Clock clock;

    ServerSync(RechargeGateway gateway, BalanceTracker balance, PriceStore prices, HistorySync history, Clock clock) {
        this.gateway = gateway;
        this.balance = balance;
        this.prices = prices;
        this.history = history;
        this.clock = clock;
    }

    /** Balance, prices, and {@code maxPages} of history. */
    SaleEngine.SyncResult sync(int maxPages) {
        Optional<BalanceSnapshot> b = refreshBalance();
        Optional<List<Price>> p = gateway.prices();
        p.ifPresent(list -> prices.replaceAll(list, clock.instant()));
        HistorySync.Result h = history.run(maxPages);
        return new SaleEngine.SyncResult(b.isPresent() || p.isPresent() || h.reached(), b, p.map(List::size).orElse(0),
                h.added(), h.updated());
    }

    /** Balance, prices, and history until every open sale was seen ({@link HistorySync#runUntilSeen}). */
    SaleEngine.SyncResult syncAll(java.util.Set<String> open) {
        Optional<BalanceSnapshot> b = refreshBalance();
        Optional<List<Price>> p = gateway.prices();
        p.ifPresent(list -> prices.replaceAll(list, clock.instant()));
        HistorySync.Result h = history.runUntilSeen(open);
        return new SaleEngine.SyncResult(b.isPresent() || p.isPresent() || h.reached(), b, p.map(List::size).orElse(0),
                h.added(), h.updated());
    }

    /** Asks {@code /balance}; empty when the API did not answer. */
    Optional<BalanceSnapshot> refreshBalance() {
        Optional<BalanceSnapshot> b = gateway.balance();
        b.ifPresent(balance::learned);
        return b;
    }
}
