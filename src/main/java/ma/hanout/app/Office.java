package ma.hanout.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import ma.hanout.domain.DayTakings;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.HourTakings;
import ma.hanout.domain.Money;
import ma.hanout.domain.NoOpenShiftException;
import ma.hanout.domain.Operator;
import ma.hanout.domain.OperatorTakings;
import ma.hanout.domain.Price;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleCursor;
import ma.hanout.domain.SalePage;
import ma.hanout.domain.SaleQuery;
import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftReport;
import ma.hanout.domain.Takings;
import ma.hanout.domain.TakingsReport;
import ma.hanout.engine.SaleEngine;
import ma.hanout.store.AuditEntry;
import ma.hanout.store.AuditStore;
import ma.hanout.store.Database;
import ma.hanout.store.PriceStore;
import ma.hanout.store.SettingsStore;
import ma.hanout.store.ShiftStore;
import ma.hanout.store.TakingsStore;
import org.apache.commons.csv.CSVPrinter;

/**
 * The owner's office as the screens and the command line reach it: takings (from the per-hour
 * summary the database keeps, never from a scan of every sale), shifts, exports and the audit log.
 * Every figure is of the engine's current account only: demo and sandbox sales never count with
 * real ones. Local days are in {@code zone}. Blocking (SQL, files): background threads only.
 */
public final class Office {
    /** The setting holding the balance (MAD) under which the owner is warned. */
    public static final String LOW_BALANCE_THRESHOLD = "low_balance.threshold";
    /** Warned under this when the setting is absent. */
    public static final Money DEFAULT_LOW_BALANCE = Money.ofMad(100);
    /** The setting naming this data folder's terminal (made once, on first use). */
    public static final String TERMINAL = "terminal.id";

    private final SaleEngine engine;
    private final SettingsStore settings;
    private final TakingsStore takings;
    private final ShiftStore shifts;
    private final AuditStore audit;
    private final PriceStore prices;
    private final ma.hanout.store.BatchStore batches;
    private final ma.hanout.store.PaymentStore payments;
    private final Clock clock;
    private final ZoneId zone;
    private final Supplier<String> currentUser;

    /**
     * @param currentUser who is signed in (the actor of shifts and exports in the audit log)
     */
    public Office(Database db, SaleEngine engine, SettingsStore settings, Clock clock, ZoneId zone,
            Supplier<String> currentUser) {
        this.engine = engine;
        this.settings = settings;
        this.takings = new TakingsStore(db);
        this.shifts = new ShiftStore(db);
        this.audit = new AuditStore(db);
        this.prices = new PriceStore(db);
        this.batches = new ma.hanout.store.BatchStore(db);
        this.payments = new ma.hanout.store.PaymentStore(db);
        this.clock = clock;
        this.zone = zone;
        this.currentUser = currentUser;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    // ---- takings -------------------------------------------------------------------------------

    /** Takings per operator from {@code from} to {@code to}, both local dates inclusive. */
    public TakingsReport report(LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        Map<Operator, Takings> by = takings.byOperator(engine.account(), start(from), start(to.plusDays(1)));
        List<OperatorTakings> rows = new ArrayList<>();
        for (Operator op : Operator.values()) {
            rows.add(new OperatorTakings(op, by.getOrDefault(op, Takings.NONE)));
        }
        return new TakingsReport(from, to, engine.account(), rows);
    }

    /** Today's takings. */
    public TakingsReport today(LocalDate day) {
        return report(day, day);
    }

    /** This week's, from Monday to {@code day}. */
    public TakingsReport week(LocalDate day) {
        return report(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), day);
    }

    /** Every day from {@code from} to {@code to} (inclusive), with its takings (none: zeros). */
    public List<DayTakings> daily(LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        TreeMap<LocalDate, Takings> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, Takings.NONE);
        }
        for (HourTakings h : takings.hourly(engine.account(), start(from), start(to.plusDays(1)))) {
            days.merge(h.hour().atZone(zone).toLocalDate(), h.takings(), Takings::plus);
        }
        return days.entrySet().stream().map(e -> new DayTakings(e.getKey(), e.getValue())).toList();
    }

    /** Sales made on {@code day} in each local hour (0-23), every class but cancelled. */
    public long[] salesPerHour(LocalDate day) {
        long[] hours = new long[24];
        for (HourTakings h : takings.hourly(engine.account(), start(day), start(day.plusDays(1)))) {
            hours[h.hour().atZone(zone).getHour()] += h.takings().sales();
        }
        return hours;
    }

    /** The margins of {@code /prices} as last fetched (empty until a sync reached the API). */
    public List<Price> prices() {
        return prices.all();
    }

    /** When the prices were last fetched. */
    public Optional<Instant> pricesFetchedAt() {
        return prices.fetchedAt();
    }

    /** Payments received through the relay (Tiqopay, FedaPay, IPN), newest first. */
    public List<ma.hanout.domain.ReceivedPayment> paymentsReceived(int limit) {
        return payments.recent(limit);
    }

    /** The balance under which the owner is warned ({@value #LOW_BALANCE_THRESHOLD}, MAD). */
    public Money lowBalanceThreshold() {
        return settings.get(LOW_BALANCE_THRESHOLD).map(v -> {
            try {
                return Money.parse(v);
            } catch (RuntimeException e) {
                return DEFAULT_LOW_BALANCE;
            }
        }).orElse(DEFAULT_LOW_BALANCE);
    }

    // ---- shifts --------------------------------------------------------------------------------

    /** This data folder's terminal name, made once. */
    public String terminal() {
        return settings.get(TERMINAL).orElseGet(() -> {
            byte[] b = new byte[3];
            new SecureRandom().nextBytes(b);
            String id = "T-" + HexFormat.of().withUpperCase().formatHex(b);
            settings.put(TERMINAL, id);
            return id;
        });
    }

    /** Opens a shift for {@code cashier} (null: whoever is signed in) at this terminal. */
    public Shift openShift(String cashier) {
        String who = cashier == null ? currentUser.get() : cashier.strip();
        if (who.isEmpty()) {
            throw new DomainException("shift.no_cashier", "A shift needs a cashier's name");
        }
        Shift s = shifts.open(who, terminal(), engine.account(), clock.instant());
        audit.append(clock.instant(), currentUser.get(), "shift.open", who + " at " + s.terminal());
        return s;
    }

    private Optional<Shift> findOpen(String cashier) {
        if (cashier != null) {
            return shifts.findOpen(cashier.strip(), terminal());
        }
        List<Shift> open = shifts.openAt(terminal());
        if (open.size() == 1) {
            return Optional.of(open.get(0));
        }
        return shifts.findOpen(currentUser.get(), terminal());
    }

    /**
     * The open shift of {@code cashier} at this terminal; null: the only open one, or the
     * signed-in user's when several are open.
     */
    public Optional<Shift> currentShift(String cashier) {
        return findOpen(cashier);
    }

    /** The shifts open at this terminal, oldest first. */
    public List<Shift> openShifts() {
        return shifts.openAt(terminal());
    }

    /** What the open shift has sold so far (nothing kept). */
    public ShiftReport previewShift(Shift open, Money counted) {
        return shifts.preview(open.id(), clock.instant(), counted);
    }

    /** Closes the open shift of {@code cashier} (see {@link #currentShift}), keeping its report. */
    public Shift closeShift(String cashier, Money counted) {
        return closeShift(cashier, counted, null);
    }

    /**
     * As {@link #closeShift(String, Money)}, recording {@code closedBy} (whose PIN allowed the
     * close: the cashier or an owner) as who closed it; null: whoever is signed in.
     */
    public Shift closeShift(String cashier, Money counted, String closedBy) {
        Shift open = findOpen(cashier).orElseThrow(() -> new NoOpenShiftException(cashier));
        String by = closedBy == null || closedBy.isBlank() ? currentUser.get() : closedBy.strip();
        Shift closed = shifts.close(open.id(), clock.instant(), by, counted);
        ShiftReport r = closed.report();
        audit.append(clock.instant(), currentUser.get(), "shift.close", closed.cashier() + " at " + closed.terminal()
                + ": " + r.sales() + " sales, expected " + SaleCsv.amount(r.expectedCash()) + " MAD"
                + (r.countedCash() == null ? "" : ", counted " + SaleCsv.amount(r.countedCash()) + " MAD")
                + (by.equals(currentUser.get()) ? "" : ", PIN of " + by));
        return closed;
    }

    /** Closed shifts' reports printed or saved with {@code receipts}' shop, printer and paper; audited here. */
    public ShiftSlips slips(Receipts receipts, java.time.Duration printerTimeout) {
        return new ShiftSlips(this, receipts, audit, clock, zone, printerTimeout);
    }

    /** One shift by its number, open or closed. */
    public Optional<Shift> shift(long id) {
        return shifts.find(id);
    }

    /** Shifts newest first, those whose cashier or terminal contains {@code text} (null: all). */
    public List<Shift> shifts(String text, int limit) {
        return shifts.list(text, limit);
    }

    // ---- bulk top-up ---------------------------------------------------------------------------

    /** Starts (or continues) a run of a CSV batch on the current account, as {@code sell --batch} does. */
    public BatchRun beginBatch(BatchFile file, boolean again) {
        return BatchRun.begin(file, engine, batches, again, clock);
    }

    /** The engine the office reads (bulk top-ups send and follow their sales through it). */
    public SaleEngine engine() {
        return engine;
    }

    // ---- exports -------------------------------------------------------------------------------

    /** How the owner's spreadsheet reads CSV: {@code ;} with decimal commas in French, {@code ,} with dots in English. */
    public record CsvStyle(char delimiter, char decimal) {
        public static final CsvStyle MACHINE = new CsvStyle(',', '.');

        /** French, Arabic (Moroccan) and Spanish spreadsheets write 9,35 and separate cells with {@code ;}. */
        public static CsvStyle forLanguage(ma.hanout.domain.Language lang) {
            return lang == ma.hanout.domain.Language.EN ? MACHINE : new CsvStyle(';', ',');
        }

        String amount(Money m) {
            String s = SaleCsv.amount(m);
            return decimal == '.' ? s : s.replace('.', decimal);
        }
    }

    /** The sales of the account created from {@code from} to {@code to} (local dates, inclusive), newest first as the history lists them. */
    public List<Sale> sales(LocalDate from, LocalDate to) {
        requireOrdered(from, to);
        SaleQuery q = SaleQuery.ALL.between(start(from), start(to.plusDays(1)));
        List<Sale> out = new ArrayList<>();
        SaleCursor after = null;
        do {
            SalePage page = engine.reads().search(q, 500, after);
            page.sales().stream().filter(s -> engine.account().owns(s.account())).forEach(out::add);
            after = page.next();
        } while (after != null);
        return out;
    }

    /** Writes {@link #sales} to {@code out} as CSV (UTF-8, a header, one row per sale); returns the rows written. */
    public int exportSales(LocalDate from, LocalDate to, Path out, CsvStyle style) {
        List<Sale> sales = sales(from, to);
        writeCsv(out, style, SaleCsv.HEADER, sales.stream().map(s -> {
            List<String> row = SaleCsv.row(s);
            if (style.decimal() != '.') {
                int value = SaleCsv.HEADER.indexOf("value");
                int billed = SaleCsv.HEADER.indexOf("billing_amount");
                row.set(value, row.get(value).replace('.', style.decimal()));
                row.set(billed, row.get(billed).replace('.', style.decimal()));
            }
            return row;
        }).toList());
        audit.append(clock.instant(), currentUser.get(), "export.sales", from + ".." + to + ": " + sales.size()
                + " sales to " + out.getFileName());
        return sales.size();
    }

    /** The header of the takings export. */
    public static final List<String> TAKINGS_HEADER = List.of("day", "operator", "count", "face_value", "billed",
            "margin", "failed", "refunded", "pending");

    /** Writes the takings per day and operator to {@code out} as CSV; returns the rows written. */
    public int exportTakings(LocalDate from, LocalDate to, Path out, CsvStyle style) {
        requireOrdered(from, to);
        List<List<String>> rows = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            for (OperatorTakings o : report(d, d).operators()) {
                Takings t = o.takings();
                rows.add(List.of(d.toString(), o.operator().wireName(), Long.toString(t.successes()),
                        style.amount(t.faceValue()), style.amount(t.billed()), style.amount(t.margin()),
                        Long.toString(t.failures()), Long.toString(t.refunds()), Long.toString(t.pending())));
            }
        }
        writeCsv(out, style, TAKINGS_HEADER, rows);
        audit.append(clock.instant(), currentUser.get(), "export.takings", from + ".." + to + " to " + out.getFileName());
        return rows.size();
    }

    private static void writeCsv(Path out, CsvStyle style, List<String> header, List<List<String>> rows) {
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                    CSVPrinter p = new CSVPrinter(w, SaleCsv.format(style.delimiter()))) {
                p.printRecord(header);
                for (List<String> r : rows) {
                    p.printRecord(r);
                }
            }
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the error below says what went wrong
            }
            throw new ExportFailedException(out, e);
        }
    }

    /** A CSV file could not be written. */
    public static final class ExportFailedException extends RuntimeException {
        ExportFailedException(Path out, IOException cause) {
            super(WriteFailure.describe(out, cause), cause);
        }
    }

    // ---- audit ---------------------------------------------------------------------------------

    /**
     * The newest audit lines (at most {@code limit} looked at), newest first, keeping those whose
     * actor, action or detail contain {@code text} (null: all), case-insensitively.
     */
    public List<AuditLine> audit(String text, int limit) {
        String needle = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
        List<AuditLine> out = new ArrayList<>();
        for (AuditEntry e : audit.recent(limit)) {
            if (needle == null || contains(e.actor(), needle) || contains(e.action(), needle)
                    || contains(e.detail(), needle)) {
                out.add(new AuditLine(e.id(), e.at(), e.actor(), e.action(), e.detail()));
            }
        }
        return out;
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new DomainException("query.dates_reversed", "The start date " + from + " is after the end date " + to);
        }
    }
}
