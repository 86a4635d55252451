package ma.hanout.engine;

import java.util.Objects;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;

/**
 * What a cashier, a CSV line or an integrator asks to sell.
 *
 * @param externalReference the caller's own reference, or null to let the engine choose one
 * @param cashier           who sold it (for the audit and the receipt), or null
 */
public record SaleRequest(Phone phone, Operator operator, Money value, Promo promo, String externalReference,
        Sale.Origin origin, String cashier) {

    public SaleRequest {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(promo, "promo");
        Objects.requireNonNull(origin, "origin");
    }

    public static SaleRequest of(Phone phone, Operator operator, Money value, Promo promo, Sale.Origin origin) {
        return new SaleRequest(phone, operator, value, promo, null, origin, null);
    }
}
