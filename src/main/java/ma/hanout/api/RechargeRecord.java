package ma.hanout.api;

import java.time.LocalDateTime;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Promo;

/**
 * A recharge as the server holds it: the answer of {@code GET /recharge/by-ref/{ref}} (which names
 * the MoroccoTopup reference {@code ref_interne}), of {@code GET /recharge/by-id/{id}} (which names
 * it {@code id}) and an item of {@code GET /history} (which may carry only {@code id}, {@code phone}
 * and {@code status_code}). Only the reference and the status code are required; the other fields
 * are null when the server leaves them out. {@code executed_at} is null until the recharge ran.
 *
 * <p>{@code type} is kept as the server's text ({@code "6"}; a JSON number {@code 6} reads the same).
 * Times are the server's local time, without a zone, as the API sends them.
 */
public record RechargeRecord(
        @JsonProperty(value = "ref_interne", required = true) @JsonAlias("id") String refInterne,
        @JsonProperty("external_reference") String externalReference,
        @JsonProperty("phone") String phone,
        @JsonProperty("operator") String operator,
        @JsonProperty("value") Money value,
        @JsonProperty("billing_amount") Money billingAmount,
        @JsonProperty("type") String type,
        @JsonProperty(value = "status_code", required = true) int statusCode,
        @JsonProperty("created_at") LocalDateTime createdAt,
        @JsonProperty("executed_at") LocalDateTime executedAt) {

    public RechargeRecord {
        ApiJson.present(refInterne, "ref_interne");
    }

    /** The operator when the server spelled one the app knows. */
    public Optional<Operator> knownOperator() {
        if (operator == null) {
            return Optional.empty();
        }
        Optional<Operator> exact = Operator.fromWire(operator);
        if (exact.isPresent()) {
            return exact;
        }
        try {
            return Optional.of(Operator.parse(operator));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** The promo type when present and one the domain knows (0..9). */
    public Optional<Promo> promo() {
        if (type == null || type.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Promo.parse(type));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
