package ma.hanout.ui.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.DayTakings;
import ma.hanout.domain.Money;
import ma.hanout.domain.Price;
import ma.hanout.domain.ReceivedPayment;
import ma.hanout.domain.TakingsReport;

/**
 * Everything the dashboard shows, read in one go on a background thread.
 *
 * @param balance        the latest known balance (asked of /balance when reachable), empty when never known
 * @param salesPerHour   today's sales in each local hour, 0-23
 */
record DashboardFigures(Optional<BalanceSnapshot> balance, Money lowBalanceThreshold, TakingsReport today,
        TakingsReport week, List<Price> prices, List<DayTakings> last30Days, long[] salesPerHour,
        List<ReceivedPayment> payments, Instant readAt) {

    boolean lowBalance() {
        return balance.isPresent() && balance.get().balance().compareTo(lowBalanceThreshold) < 0;
    }
}
