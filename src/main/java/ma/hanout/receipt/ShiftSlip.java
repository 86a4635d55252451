package ma.hanout.receipt;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;
import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftReport;

/**
 * A closed shift's report as the receipt printer prints it (and as its PDF or PNG): the shop, the
 * title, who and where, when it opened and closed, what it sold and the cash, in the shop's language.
 * Only a closed shift has one: an open shift's figures still move.
 */
public final class ShiftSlip {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ShiftSlip() {
    }

    /** The slip of {@code shift}, which must be closed; times in {@code zone}. */
    public static Slip of(ShopDetails shop, Shift shift, ZoneId zone, ReceiptWords w) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(zone, "zone");
        if (shift.isOpen()) {
            throw new IllegalArgumentException("shift #" + shift.id() + " is still open: only a closed shift has a report");
        }
        ShiftReport r = shift.report();
        List<Block> out = new ArrayList<>();
        String test = shift.account().environment() == Environment.PRODUCTION ? null
                : w.get(shift.account().environment() == Environment.SANDBOX ? "receipt.sandbox" : "receipt.demo");
        if (test != null) {
            out.add(new Block.Banner(test));
        }
        ReceiptLayout.shopHeader(shop, w, out);
        out.add(new Block.Rule());
        out.add(new Block.Heading(w.get("shiftslip.title"), false));
        out.add(new Block.Centered(w.get("shiftslip.number", shift.id())));
        out.add(new Block.Rule());
        out.add(new Block.Field(w.get("shiftslip.cashier"), shown(shift.cashier(), w), false));
        out.add(new Block.Field(w.get("shiftslip.terminal"), shift.terminal(), false));
        out.add(new Block.Field(w.get("shiftslip.opened"), when(shift.openedAt(), zone), false));
        out.add(new Block.Field(w.get("shiftslip.closed"), when(shift.closedAt(), zone), false));
        out.add(new Block.Rule());
        out.add(new Block.Field(w.get("shiftslip.sales"), Long.toString(r.sales()), false));
        out.add(new Block.Field(w.get("shiftslip.successes"), Long.toString(r.successes()), false));
        out.add(new Block.Field(w.get("shiftslip.failures"), Long.toString(r.failures()), false));
        out.add(new Block.Field(w.get("shiftslip.refunds"), Long.toString(r.refunds()), false));
        out.add(new Block.Field(w.get("shiftslip.pending"), Long.toString(r.pending()), false));
        out.add(new Block.Rule());
        out.add(new Block.Field(w.get("shiftslip.expected"), money(r.expectedCash()), true));
        out.add(new Block.Field(w.get("shiftslip.counted"),
                r.countedCash() == null ? w.get("shiftslip.not_counted") : money(r.countedCash()), false));
        if (r.difference() != null) {
            out.add(new Block.Field(w.get("shiftslip.difference"), signed(r.difference()), true));
        }
        out.add(new Block.Rule());
        if (shift.closedBy() != null && !shift.closedBy().isBlank()) {
            out.add(new Block.Field(w.get("shiftslip.closed_by"), shown(shift.closedBy(), w), false));
        }
        if (test != null) {
            out.add(new Block.Banner(test));
        }
        String title = w.get("shiftslip.title") + " #" + shift.id();
        return new Slip(title, out, w.language().isRightToLeft());
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private static String money(Money m) {
        return ReceiptLayout.plain(m.display());
    }

    /** A surplus reads {@code +5,00 DH}, a shortfall {@code -5,00 DH}: the sign is the point. */
    private static String signed(Money m) {
        return (m.isPositive() ? "+" : "") + money(m);
    }

    /** The demo shop's nameless owner ({@link Shift#NAMELESS_OWNER}) in the slip's language. */
    private static String shown(String name, ReceiptWords w) {
        return Shift.NAMELESS_OWNER.equals(name) ? w.get("role.owner") : name;
    }
}
