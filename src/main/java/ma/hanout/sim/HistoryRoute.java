package ma.hanout.sim;

import java.util.Map;

/**
 * {@code GET /history?page=1&pageSize=20}: the environment's recharges, newest first, each in the
 * {@code by-id} shape, with {@code pagination {page, page_size, total}}. {@code pageSize} above
 * {@link #MAX_PAGE_SIZE} is served as {@link #MAX_PAGE_SIZE} (the answer says so).
 */
final class HistoryRoute implements Route {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final RechargeBook book;
    private final SimDates dates;

    HistoryRoute(RechargeBook book, SimDates dates) {
        this.book = book;
        this.dates = dates;
    }

    @Override
    public Reply handle(ApiRequest request) {
        Map<String, String> q = request.query();
        int page = positive(q, "page", 1);
        int size = Math.min(positive(q, "pageSize", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
        RechargeBook.Page p = book.page(page, size);
        return Reply.ok(new Bodies.History(p.items().stream().map(r -> Bodies.ById.of(r.view(), dates)).toList(),
                new Bodies.Pagination(page, size, p.total())));
    }

    private static int positive(Map<String, String> q, String name, int absent) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiError.invalid("INVALID_PAGINATION", "Invalid " + name + " '" + v + "': a whole number from 1.");
    }
}
