package ma.hanout.store;

/**
 * Where a history page ended: the last sale's creation time and row id. The next page starts
 * strictly after it in newest-first order, so paging stays fast at any depth and a sale
 * inserted meanwhile never shifts a page.
 */
public record Cursor(long createdAtMillis, long rowId) {
}
