package ma.hanout.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ma.hanout.domain.Operator;

/** {@code GET /prices}: the margin per operator, operators in lower case as in the reference's example. */
final class PricesRoute implements Route {
    private final Reply.Json reply;

    PricesRoute(String clientCode, PriceList prices) {
        List<Bodies.Price> list = new ArrayList<>();
        for (Operator o : Operator.values()) {
            list.add(new Bodies.Price(o.wireName().toLowerCase(Locale.ROOT), prices.marginPercent(o)));
        }
        // the price list never changes while the simulator runs
        this.reply = Reply.ok(new Bodies.Prices(clientCode, "MAD", List.copyOf(list)));
    }

    @Override
    public Reply handle(ApiRequest request) {
        return reply;
    }
}
