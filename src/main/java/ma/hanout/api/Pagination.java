package ma.hanout.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code pagination} of {@code GET /history}: pages count from 1; {@code total} counts items. */
public record Pagination(
        @JsonProperty(value = "page", required = true) int page,
        @JsonProperty(value = "page_size", required = true) int pageSize,
        @JsonProperty(value = "total", required = true) int total) {

    /** Whether a later page holds more items. */
    public boolean hasNextPage() {
        return (long) page * pageSize < total;
    }
}
