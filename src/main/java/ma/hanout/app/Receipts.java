package ma.hanout.app;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import ma.hanout.domain.Language;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleReads;
import ma.hanout.receipt.PaperWidth;
import ma.hanout.receipt.PrintFailure;
import ma.hanout.receipt.Printer;
import ma.hanout.receipt.Receipt;
import ma.hanout.receipt.ReceiptFormat;
import ma.hanout.receipt.ReceiptKind;
import ma.hanout.receipt.ReceiptWords;
import ma.hanout.receipt.ShopDetails;
import ma.hanout.store.ReceiptPrintStore;
import ma.hanout.store.SettingsStore;
import ma.hanout.ui.I18n;

/**
 * Receipts for the counter, history and the command line: builds a sale's receipt from the shop
 * settings, numbers the copies, sends it to the printer and records every print with who did it
 * (the {@code receipt_prints} table and the audit log). Blocking: call it off the JavaFX thread.
 * A print that fails changes nothing about the sale.
 */
public final class Receipts {
    /** Settings read here; absent keys take the defaults below. */
    public static final String SHOP_NAME = "shop.name";
    public static final String SHOP_ADDRESS = "shop.address";
    public static final String SHOP_PHONE = "shop.phone";
    public static final String SHOP_TAX_ID = "shop.tax_id";
    public static final String PRINTER_URI = "printer.uri";
    public static final String PAPER_WIDTH = "printer.paper_width";
    public static final String PRINT_MODE = "receipt.print_mode";
    /** {@code true}: pulse the cash drawer after each receipt (default false). */
    public static final String DRAWER_KICK = "printer.drawer_kick";

    /** How long a printer may take to accept, answer and read a receipt. */
    public static final Duration PRINTER_TIMEOUT = Duration.ofSeconds(5);

    /** When the counter prints a successful sale's receipt ({@code receipt.print_mode}). */
    public enum PrintMode {
        ALWAYS, ASK, NEVER;

        static PrintMode fromSetting(String s) {
            if (s == null) {
                return ASK;
            }
            for (PrintMode m : values()) {
                if (m.name().equalsIgnoreCase(s.strip())) {
                    return m;
                }
            }
            return ASK;
        }
    }

    /** Printing was asked for but the setting {@code printer.uri} is empty. */
    public static final class NoPrinterSet extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public NoPrinterSet() {
            super("No printer is set: choose one in the settings (printer.uri) or give --printer");
        }
    }

    /** What was printed: the copy number and the printer it went to. */
    public record Printed(String externalReference, int copy, String printer) {
    }

    private final SaleReads reads;
    private final SettingsStore settings;
    private final ReceiptPrintStore prints;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration timeout;

    public Receipts(SaleReads reads, SettingsStore settings, ReceiptPrintStore prints, Clock clock, ZoneId zone,
            Duration timeout) {
        this.reads = reads;
        this.settings = settings;
        this.prints = prints;
        this.clock = clock;
        this.zone = zone;
        this.timeout = timeout;
    }

    /** A sale by either reference. */
    public Optional<Sale> find(String reference) {
        return reads.find(reference);
    }

    public ShopDetails shop() {
        return new ShopDetails(settings.getString(SHOP_NAME, ""), settings.getString(SHOP_ADDRESS, ""),
                settings.getString(SHOP_PHONE, ""), settings.getString(SHOP_TAX_ID, ""));
    }

    public PaperWidth paperWidth() {
        return PaperWidth.fromSetting(settings.getString(PAPER_WIDTH, "80"));
    }

    public PrintMode printMode() {
        return PrintMode.fromSetting(settings.get(PRINT_MODE).orElse(null));
    }

    /** The configured printer, when one is set. */
    public Optional<String> printerUri() {
        return settings.get(PRINTER_URI).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The receipt in the receipt language: the window's (setting {@code ui.language}), else French. */
    public Language language() {
        return settings.get(DataFolder.LANGUAGE).flatMap(Language::fromCode).orElse(Language.FR);
    }

    /**
     * The receipt of {@code sale}: the original (copy 1) unless {@code copy}, then the next copy
     * number after those that printed (at least 2). Nothing is recorded: a preview.
     */
    public Receipt receipt(Sale sale, ReceiptKind kind, boolean copy, Language language) {
        int number = copy ? Math.max(2, prints.lastPrintedCopy(sale.externalReference(), kind.name()) + 1) : 1;
        String cashier = reads.cashierOf(sale.externalReference()).orElse("");
        return new Receipt(shop(), sale, cashier, clock.instant(), zone, number, kind, words(language));
    }

    /** The receipt rendered, for a preview or a file (PNG, PDF...), at {@code width} (null: the setting). */
    public byte[] render(Receipt receipt, ReceiptFormat format, PaperWidth width) {
        return format.render(receipt, width != null ? width : paperWidth(),
                settings.getBoolean(DRAWER_KICK, false) && format == ReceiptFormat.ESCPOS);
    }

    /**
     * Prints {@code receipt} as ESC/POS on {@code printerUri} (null: the setting {@code printer.uri})
     * and records it, printed or not, with {@code actor}. Throws {@link PrintFailure} when the printer
     * did not take it, {@link NoPrinterSet} when no printer is set.
     */
    public Printed print(Receipt receipt, String printerUri, PaperWidth width, String actor) {
        String uri = printerUri != null ? printerUri : printerUri().orElseThrow(NoPrinterSet::new);
        Printer printer = Printer.parse(uri, timeout);
        byte[] job = render(receipt, ReceiptFormat.ESCPOS, width);
        try {
            printer.send(job);
        } catch (PrintFailure e) {
            recorded(receipt, actor, printer.describe(), ReceiptFormat.ESCPOS, false, e.reason().name());
            throw e;
        }
        recorded(receipt, actor, printer.describe(), ReceiptFormat.ESCPOS, true, null);
        return new Printed(receipt.sale().externalReference(), receipt.copy(), printer.describe());
    }

    /** Records a receipt written to a file (the command line's {@code --out}). */
    public void recordWritten(Receipt receipt, ReceiptFormat format, String file, String actor) {
        recorded(receipt, actor, "file:" + file, format, true, null);
    }

    private void recorded(Receipt receipt, String actor, String target, ReceiptFormat format, boolean printed,
            String error) {
        prints.record(receipt.sale().externalReference(), receipt.kind().name(), receipt.copy(),
                actor == null || actor.isBlank() ? "unknown" : actor, clock.instant(), target, format.toString(),
                printed, error);
    }

    /** The words of the receipt, from the app's i18n bundles. */
    public static ReceiptWords words(Language language) {
        I18n i18n = new I18n(language);
        return new ReceiptWords() {
            @Override
            public Language language() {
                return language;
            }

            @Override
            public String get(String key, Object... args) {
                return i18n.get(key, args);
            }
        };
    }
}
