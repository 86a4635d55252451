package ma.hanout.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /history?page=&pageSize=}: one page of the account's recharges. */
public record HistoryPage(
        @JsonProperty(value = "items", required = true) List<RechargeRecord> items,
        @JsonProperty(value = "pagination", required = true) Pagination pagination) {

    public HistoryPage {
        items = List.copyOf(ApiJson.present(items, "items"));
        ApiJson.present(pagination, "pagination");
    }
}
