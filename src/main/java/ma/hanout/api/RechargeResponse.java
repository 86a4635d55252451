package ma.hanout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import ma.hanout.domain.Money;

/**
 * {@code POST /recharge}: the server has the recharge under {@code ref_interne} with a first
 * {@code status_code} (usually 1, queued). Only the reference and the status are required: the
 * rest can always be fetched by reference, and refusing a recharge the server accepted over a
 * missing figure would only make the outcome look uncertain.
 */
public record RechargeResponse(
        @JsonProperty("success") Boolean success,
        @JsonProperty(value = "status_code", required = true) int statusCode,
        @JsonProperty(value = "ref_interne", required = true) String refInterne,
        @JsonProperty("external_reference") String externalReference,
        @JsonProperty("value") Money value,
        @JsonProperty("billing_amount") Money billingAmount,
        @JsonProperty("balance_after") Money balanceAfter) {

    public RechargeResponse {
        ApiJson.present(refInterne, "ref_interne");
    }
}
