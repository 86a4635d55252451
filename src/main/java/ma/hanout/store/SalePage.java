package ma.hanout.store;

import java.util.List;

import ma.hanout.domain.Sale;

/** One page of a history search, newest first; {@code next} is null on the last page. */
public record SalePage(List<Sale> sales, Cursor next) {
    public SalePage {
        sales = List.copyOf(sales);
    }

    public boolean hasNext() {
        return next != null;
    }
}
