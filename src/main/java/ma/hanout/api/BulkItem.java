package ma.hanout.api;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of {@code POST /recharge/bulk}, at the same index as its request: either accepted
 * ({@code success}, {@code status_code}, {@code ref_interne}) or refused ({@code error}, an error
 * code of the reference's table such as {@code INSUFFICIENT_FUNDS}).
 */
public record BulkItem(
        @JsonProperty(value = "success", required = true) boolean success,
        @JsonProperty("status_code") Integer statusCode,
        @JsonProperty("ref_interne") String refInterne,
        @JsonProperty("external_reference") String externalReference,
        @JsonProperty("error") String error,
        @JsonProperty("message") String message) {

    public BulkItem {
        if (success) {
            ApiJson.present(statusCode, "status_code");
            ApiJson.present(refInterne, "ref_interne");
        }
    }

    /**
     * A refused item as the exception a single {@code POST /recharge} would have thrown for the same
     * code (so {@link ApiException#isDefinitive()} reads the same); empty for an accepted item.
     */
    public Optional<ApiErrorException> failure() {
        if (success) {
            return Optional.empty();
        }
        return Optional.of(ErrorResponses.forBulkItem(error, message));
    }
}
