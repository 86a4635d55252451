package ma.hanout.app;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Language;
import ma.hanout.domain.Shift;
import ma.hanout.receipt.PaperWidth;
import ma.hanout.receipt.PrintFailure;
import ma.hanout.receipt.Printer;
import ma.hanout.receipt.ReceiptFormat;
import ma.hanout.receipt.ShiftSlip;
import ma.hanout.receipt.Slip;
import ma.hanout.store.AuditStore;

/**
 * A closed shift's report on paper or in a file: the same shop details, printer and paper width as
 * the receipts ({@link Receipts}), in the receipt language, and an audit line ({@code shift.print})
 * for every print or file, printed or failed, naming who did it. A print that fails changes
 * nothing: the report stays kept in the shift. Blocking: call it off the JavaFX thread.
 */
public final class ShiftSlips {
    /** The printer took the report. */
    public record Printed(long shiftId, String printer) {
    }

    private final Office office;
    private final Receipts receipts;
    private final AuditStore audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration timeout;

    ShiftSlips(Office office, Receipts receipts, AuditStore audit, Clock clock, ZoneId zone, Duration timeout) {
        this.office = office;
        this.receipts = receipts;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.timeout = timeout;
    }

    /** The closed shift {@code id}; an unknown id or a still-open shift is refused with a clear message. */
    public Shift closed(long id) {
        Shift s = office.shift(id).orElseThrow(() -> new DomainException("shift.unknown", "No shift has the id " + id));
        if (s.isOpen()) {
            throw new DomainException("shift.still_open", "Shift #" + id + " of " + s.cashier()
                    + " is still open: close it first (shift close), its report is made at the close");
        }
        return s;
    }

    /** The report of a closed shift in {@code language} (null: the receipt language). */
    public Slip slip(Shift closed, Language language) {
        return ShiftSlip.of(receipts.shop(), closed, zone,
                Receipts.words(language != null ? language : receipts.language()));
    }

    /** The report in {@code format} at {@code width} (null: the setting); no drawer pulse, no cash is handed. */
    public byte[] render(Shift closed, ReceiptFormat format, PaperWidth width, Language language) {
        return format.render(slip(closed, language), width != null ? width : receipts.paperWidth(), false);
    }

    /**
     * Prints the report as ESC/POS on {@code printerUri} (null: the setting {@code printer.uri}) and
     * records it with {@code actor}. Throws {@link PrintFailure} when the printer did not take it,
     * {@link Receipts.NoPrinterSet} when no printer is set.
     */
    public Printed print(Shift closed, String printerUri, PaperWidth width, Language language, String actor) {
        String uri = printerUri != null ? printerUri : receipts.printerUri().orElseThrow(Receipts.NoPrinterSet::new);
        Printer printer = Printer.parse(uri, timeout);
        byte[] job = render(closed, ReceiptFormat.ESCPOS, width, language);
        try {
            printer.send(job);
        } catch (PrintFailure e) {
            record(closed, actor, printer.describe(), ReceiptFormat.ESCPOS, "failed: " + e.reason());
            throw e;
        }
        record(closed, actor, printer.describe(), ReceiptFormat.ESCPOS, "printed");
        return new Printed(closed.id(), printer.describe());
    }

    /** Records the report written to {@code file} (a PDF saved from the screen, the command line's --out). */
    public void recordWritten(Shift closed, ReceiptFormat format, String file, String actor) {
        record(closed, actor, "file:" + file, format, "written");
    }

    private void record(Shift s, String actor, String target, ReceiptFormat format, String outcome) {
        audit.append(clock.instant(), actor == null || actor.isBlank() ? "unknown" : actor, "shift.print",
                "#" + s.id() + " of " + s.cashier() + " at " + s.terminal() + ", " + format + " to " + target + ": "
                        + outcome);
    }
}
