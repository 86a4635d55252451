package ma.hanout.domain;

/**
 * Where a history page ended: the last sale's creation time and row id. The next page starts
 * strictly after it in newest-first order, so paging stays fast at any depth and a sale
 * inserted meanwhile never shifts a page.
 */
public record SaleCursor(long createdAtMillis, long rowId) {
}
