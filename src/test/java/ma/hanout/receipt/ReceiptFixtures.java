package ma.hanout.receipt;

import java.time.Instant;
import java.time.ZoneId;

import ma.hanout.app.Receipts;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;

/** Sales and receipts to render, with the app's real words. */
public final class ReceiptFixtures {
    public static final Instant AT = Instant.parse("2026-12-02T14:05:00Z");
    public static final ShopDetails SHOP = new ShopDetails("Hanout Al Baraka", "12, rue Ibn Batouta, Casablanca",
            "0522 45 67 89", "001234567000089");

    private ReceiptFixtures() {
    }

    public static Sale sale(Environment env, int status) {
        return new Sale("HN-20261202-7F3KQ9", Phone.parse("0612345678"), Operator.INWI, Money.ofMad(50), new Promo(6),
                SaleState.ACCEPTED, RechargeStatus.of(status), "REF-88213", Money.ofCentimes(4675), null, null,
                Sale.Origin.COUNTER, 1, null, AT, AT, AT, new SaleAccount(env, "API-0042"));
    }

    public static Receipt receipt(Language lang, int copy) {
        return receipt(sale(Environment.PRODUCTION, 3), lang, copy, ReceiptKind.SALE);
    }

    public static Receipt receipt(Sale sale, Language lang, int copy, ReceiptKind kind) {
        return new Receipt(SHOP, sale, "Fatima", AT.plusSeconds(3600), ZoneId.of("Africa/Casablanca"), copy, kind,
                Receipts.words(lang));
    }
}
