package ma.hanout.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import ma.hanout.domain.Money;

/**
 * {@code POST /recharge/bulk}: one item per request, in request order, and the balance after.
 * {@code balance} is optional here so that a missing figure never hides which items were accepted.
 */
public record BulkResponse(
        @JsonProperty(value = "items", required = true) List<BulkItem> items,
        @JsonProperty("balance") Money balance) {

    public BulkResponse {
        items = List.copyOf(ApiJson.present(items, "items"));
    }
}
