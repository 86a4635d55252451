package ma.hanout.receipt;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

import ma.hanout.domain.Sale;

/**
 * Everything one printed slip says: the shop, the sale, who sold it, when it is printed, and which
 * copy it is (1 = the original; 2, 3... are reprints marked as copies).
 *
 * @param cashier who made the sale, blank when unknown
 * @param copy    1 for the first print, then 2, 3...
 */
public record Receipt(ShopDetails shop, Sale sale, String cashier, Instant printedAt, ZoneId zone, int copy,
        ReceiptKind kind, ReceiptWords words) {

    public Receipt {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(sale, "sale");
        Objects.requireNonNull(printedAt, "printedAt");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(words, "words");
        cashier = cashier == null ? "" : cashier.strip();
        if (copy < 1) {
            throw new IllegalArgumentException("a receipt's copy number starts at 1, not " + copy);
        }
    }

    /** A reprint: marked as a copy ({@code DUPLICATA}) with its number. */
    public boolean isCopy() {
        return copy > 1;
    }

    public boolean isRightToLeft() {
        return words.language().isRightToLeft();
    }

    /** What the printer prints for this receipt: {@link ReceiptLayout}'s blocks. */
    public Slip slip() {
        return new Slip(words.get("receipt.title") + " " + sale.externalReference(), ReceiptLayout.of(this),
                isRightToLeft());
    }
}
