package ma.hanout.engine;

import java.util.List;
import java.util.Optional;

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.Price;
import ma.hanout.domain.Sale;

/**
 * The engine's view of the MoroccoTopup API: every answer already sorted into what the engine must
 * do next, every transport failure classified (never sent / maybe sent). Calls never retry.
 */
public interface RechargeGateway {

    SendResult send(Sale sale);

    /**
     * Sends several queued sales in one {@code /recharge/bulk} call; the results are in the same order.
     * When the call as a whole fails, every sale gets that same result.
     */
    List<SendResult> sendBulk(List<Sale> sales);

    LookupResult byReference(String externalReference);

    LookupResult byId(String refInterne);

    /** One page of {@code /history}, newest first; empty when the call failed. */
    Optional<HistoryPage> history(int page, int pageSize);

    Optional<BalanceSnapshot> balance();

    Optional<List<Price>> prices();

    /** A page of history as the engine uses it. */
    record HistoryPage(List<ServerRecharge> items, int page, int pageSize, long total) {
    }

    /** Told after every call whether the API answered, so the status bar can say online/offline/refused. */
    interface ConnectivityListener {
        void answered();

        void unreachable(String reason);

        void refused(String code, String message);
    }
}
