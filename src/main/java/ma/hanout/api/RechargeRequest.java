package ma.hanout.api;

import java.util.Objects;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;

/**
 * One recharge to send, immutable. The {@code externalReference} is fixed when the request is
 * built, so every resend of the same sale carries the same one and the server can refuse a
 * double ({@code 409 DUPLICATE_REFERENCE}).
 *
 * <p>On the wire: {@code {"phone":"0612345678","operator":"Inwi","value":10,"type":"6","external_reference":"TEST-001"}}.
 */
public record RechargeRequest(Phone phone, Operator operator, Money value, Promo promo, String externalReference) {

    public RechargeRequest {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(promo, "promo");
        Objects.requireNonNull(externalReference, "externalReference");
        if (!value.isPositive()) {
            throw new IllegalArgumentException("A recharge value must be positive, not " + value);
        }
        if (externalReference.isBlank()) {
            throw new IllegalArgumentException("A recharge needs an external reference");
        }
    }
}
