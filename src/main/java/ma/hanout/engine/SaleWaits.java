package ma.hanout.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import ma.hanout.domain.QueuedSale;
import ma.hanout.domain.Sale;
import ma.hanout.domain.StatusClass;

/**
 * Waiting in the caller's thread, for the command line: until a sale is final, or until the queue
 * is settled. The timeouts here are the caller's patience, in elapsed time.
 */
final class SaleWaits {
    private final Function<String, Sale> require;
    private final Function<EngineListener, Runnable> subscribe;
    private final OutboxWorker worker;
    private final Supplier<List<QueuedSale>> unsettled;

    SaleWaits(Function<String, Sale> require, Function<EngineListener, Runnable> subscribe, OutboxWorker worker,
            Supplier<List<QueuedSale>> unsettled) {
        this.require = require;
        this.subscribe = subscribe;
        this.worker = worker;
        this.unsettled = unsettled;
    }

    /** Whether a sale has reached something a person can act on: done, failed, refunded, rejected, cancelled. */
    static boolean isFinal(Sale s) {
        return switch (s.state()) {
            case REJECTED, CANCELLED -> true;
            case ACCEPTED -> s.status() != null && s.statusClass() != StatusClass.PENDING
                    && s.statusClass() != StatusClass.UNKNOWN;
            default -> false;
        };
    }

    Sale awaitFinal(String externalReference, Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runnable unsubscribe = subscribe.apply(new EngineListener() {
            @Override
            public void saleChanged(Sale sale) {
                if (sale.externalReference().equals(externalReference) && isFinal(sale)) {
                    done.countDown();
                }
            }
        });
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            Sale now = require.apply(externalReference);
            // events cover this process; re-reading the row covers another process sending it
            while (!isFinal(now) && System.nanoTime() < deadline) {
                done.await(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                now = require.apply(externalReference);
            }
            return now;
        } finally {
            unsubscribe.run();
        }
    }

    SaleEngine.DrainResult drain(boolean untilSettled, Duration timeout, boolean includeHeld) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int passes = 0;
        while (true) {
            int acted = worker.runOnce(includeHeld);
            passes++;
            List<QueuedSale> left = unsettled.get();
            if (left.isEmpty()) {
                return new SaleEngine.DrainResult(true, passes, left);
            }
            boolean onlyHeld = left.stream().allMatch(QueuedSale::held);
            if (!untilSettled && acted == 0 || onlyHeld && !includeHeld || System.nanoTime() > deadline) {
                return new SaleEngine.DrainResult(false, passes, left);
            }
            if (acted == 0) {
                Thread.sleep(50);
            }
        }
    }
}
