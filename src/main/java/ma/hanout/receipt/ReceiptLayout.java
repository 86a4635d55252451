package ma.hanout.receipt;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Sale;
import ma.hanout.domain.StatusClass;

/** What a receipt says, in which order: the blocks every output draws. */
public final class ReceiptLayout {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ReceiptLayout() {
    }

    /** The shop's name, address, phone and tax id, those it has, as every slip starts. */
    static void shopHeader(ShopDetails shop, ReceiptWords w, List<Block> out) {
        if (!shop.name().isEmpty()) {
            out.add(new Block.Heading(shop.name(), true));
        }
        if (!shop.address().isEmpty()) {
            out.add(new Block.Note(shop.address()));
        }
        if (!shop.phone().isEmpty()) {
            out.add(new Block.Centered(w.get("receipt.shop_phone", shop.phone())));
        }
        if (!shop.taxId().isEmpty()) {
            out.add(new Block.Centered(w.get("receipt.tax_id", shop.taxId())));
        }
    }

    public static List<Block> of(Receipt r) {
        ReceiptWords w = r.words();
        Sale s = r.sale();
        List<Block> out = new ArrayList<>();
        String testBanner = testBanner(s, w);
        if (testBanner != null) {
            out.add(new Block.Banner(testBanner));
        }
        shopHeader(r.shop(), w, out);
        out.add(new Block.Rule());
        out.add(new Block.Heading(w.get(r.kind() == ReceiptKind.NOT_DELIVERED ? "receipt.title_not_delivered"
                : "receipt.title"), false));
        if (r.isCopy()) {
            out.add(new Block.Banner(w.get("receipt.copy")));
            out.add(new Block.Centered(w.get("receipt.copy_number", r.copy())));
        }
        out.add(new Block.Rule());
        out.add(new Block.Field(w.get("receipt.date"), when(s.createdAt(), r), false));
        if (!r.cashier().isEmpty()) {
            out.add(new Block.Field(w.get("receipt.cashier"), r.cashier(), false));
        }
        out.add(new Block.Field(w.get("receipt.operator"), s.operator().displayName(), false));
        String key = s.promo().labelKey(s.operator());
        String offer = w.get(key);
        if (!s.promo().isPlain()) {
            // in Arabic the code follows the name, embedded left to right so that it reads *6, not 6*
            offer = offer.equals(key) ? s.promo().star()
                    : r.isRightToLeft() ? offer + " \u202a" + s.promo().star() + "\u202c" : s.promo().star() + " " + offer;
        }
        out.add(new Block.Field(w.get("receipt.offer"), offer, false));
        out.add(new Block.Field(w.get("receipt.phone"), s.phone().display(), true));
        out.add(new Block.Field(w.get("receipt.value"), plain(s.value().display()), true));
        out.add(new Block.Field(w.get("receipt.status"), status(s, w), false));
        out.add(new Block.Rule());
        if (s.refInterne() != null && !s.refInterne().isBlank()) {
            out.add(new Block.Field(w.get("receipt.ref_interne"), s.refInterne(), false));
        }
        out.add(new Block.Field(w.get("receipt.external_reference"), s.externalReference(), false));
        out.add(new Block.Qr(s.externalReference()));
        if (r.kind() == ReceiptKind.NOT_DELIVERED) {
            out.add(new Block.Banner(w.get("receipt.not_delivered")));
            out.add(new Block.Note(w.get("receipt.not_delivered_note")));
        }
        if (r.isCopy()) {
            out.add(new Block.Centered(w.get("receipt.reprinted_at", when(r.printedAt(), r))));
        }
        if (testBanner != null) {
            out.add(new Block.Banner(testBanner));
            out.add(new Block.Note(w.get("receipt.test_note")));
        } else if (r.kind() == ReceiptKind.SALE) {
            out.add(new Block.Centered(w.get("receipt.thanks")));
        }
        return List.copyOf(out);
    }

    /** The large warning of a sale where nothing was really sold, null for a real sale. */
    static String testBanner(Sale s, ReceiptWords w) {
        if (!s.isTest()) {
            return null;
        }
        return w.get(s.environment() == Environment.SANDBOX ? "receipt.sandbox" : "receipt.demo");
    }

    /** The server's status as a number and its meaning; before the server knows the sale, the local state. */
    static String status(Sale s, ReceiptWords w) {
        if (s.status() == null) {
            return w.get("state." + s.state().name());
        }
        String meaning = s.status().meaning(w.language(), s.phone().display());
        return s.status().code() + " - " + meaning;
    }

    /** Whether the sale failed for good: the slip then proves it was not delivered. */
    public static boolean isNotDelivered(Sale s) {
        return s.statusClass() == StatusClass.FAILED || s.statusClass() == StatusClass.REFUNDED
                || s.state() == ma.hanout.domain.SaleState.REJECTED || s.state() == ma.hanout.domain.SaleState.CANCELLED;
    }

    private static String when(Instant at, Receipt r) {
        return WHEN.format(at.atZone(r.zone()));
    }

    /** Thermal fonts and code pages have no narrow or no-break spaces: plain spaces print everywhere. */
    static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
