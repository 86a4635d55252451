package ma.hanout.domain;

import java.util.List;

/** One page of a history search, newest first; {@code next} is null on the last page. */
public record SalePage(List<Sale> sales, SaleCursor next) {
    public SalePage {
        sales = List.copyOf(sales);
    }

    public boolean hasNext() {
        return next != null;
    }
}
