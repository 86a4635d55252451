package ma.hanout.ui.bulk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.app.BatchFile;
import ma.hanout.app.BatchRun;
import ma.hanout.app.Office;
import ma.hanout.app.SaleCsv;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Price;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.engine.EngineListener;
import ma.hanout.engine.SaleEngine;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;
import ma.hanout.ui.exports.FileChoice;
import org.apache.commons.csv.CSVPrinter;

/**
 * Bulk top-up from a CSV file (the {@code sell --batch} format): a preview with every line
 * checked (bad lines marked, nothing sold yet) and the total to confirm, refused before anything
 * is sent when the known balance cannot cover it (the shortfall shown); then the lines go through
 * the engine exactly as {@code sell --batch} sends them (the same file twice sells once), each
 * line's result shown as it comes, a progress bar, a cancel of what has not left yet, and the
 * results saved as CSV.
 */
public final class BulkViewModel {
    private final I18n i18n;
    private final OfficeAccess office;
    private final BackgroundWork work;
    private final FileChoice files;

    private final ObservableList<BulkLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper fileName = new ReadOnlyStringWrapper(this, "fileName", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper shortfall = new ReadOnlyStringWrapper(this, "shortfall", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canConfirm = new ReadOnlyBooleanWrapper(this, "canConfirm");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper sent = new ReadOnlyBooleanWrapper(this, "sent");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final Map<String, Integer> rowOfReference = new HashMap<>();
    private BatchFile file;
    private Runnable unsubscribe = () -> { };

    public BulkViewModel(I18n i18n, OfficeAccess office, BackgroundWork work, FileChoice files) {
        this.i18n = i18n;
        this.office = office;
        this.work = work;
        this.files = files;
    }

    public I18n i18n() {
        return i18n;
    }

    private record Preview(BatchFile file, List<BulkLine> lines, int good, Money total, Money estimate,
            Money available) {
        Money shortfall() {
            return available == null || estimate.compareTo(available) <= 0 ? null : estimate.minus(available);
        }
    }

    /** Reads {@code path} and shows every line checked; nothing is sold. */
    public void load(Path path) {
        unsubscribe.run();
        lines.clear();
        rowOfReference.clear();
        sent.set(false);
        canConfirm.set(false);
        progress.set(0);
        shortfall.set("");
        summary.set("");
        fileName.set(path.getFileName().toString());
        message.set(i18n.get("bulk.reading"));
        work.run(() -> preview(path), p -> {
            file = p.file();
            lines.setAll(p.lines());
            int bad = p.lines().size() - p.good();
            summary.set(i18n.get("bulk.summary", p.good(), bad, p.total().display(), p.estimate().display()));
            Money missing = p.shortfall();
            if (missing != null) {
                shortfall.set(i18n.get("bulk.shortfall", p.available().display(), missing.display()));
            }
            canConfirm.set(p.good() > 0 && missing == null);
            message.set(p.good() == 0 ? i18n.get("bulk.nothing_to_sell") : "");
        }, t -> {
            file = null;
            Throwable cause = ErrorText.unwrap(t);
            message.set(cause instanceof BatchFile.BadFileException bad
                    ? i18n.get("bulk.bad_file", reason(bad.code(), bad.getMessage(), bad.args().toArray()))
                    : ErrorText.of(t, i18n));
        });
    }

    private Preview preview(Path path) {
        Office o = office.await();
        BatchFile f = BatchFile.open(path);
        Map<Operator, Price> prices = new EnumMap<>(Operator.class);
        o.prices().forEach(p -> prices.put(p.operator(), p));
        List<BulkLine> out = new ArrayList<>();
        int[] good = {0};
        long[] total = {0};
        long[] estimate = {0};
        f.scan(o.engine().maxValue(), line -> {
            if (line.good()) {
                var r = line.request();
                good[0]++;
                total[0] += r.value().centimes();
                Price p = prices.get(r.operator());
                // no known price: the face value, the cautious guess the counter makes too
                estimate[0] += (p == null ? r.value() : p.billingFor(r.value())).centimes();
                out.add(new BulkLine(line.lineNumber(), r.phone().display(), r.operator().displayName(),
                        r.value().display(), r.promo().wire(), null, null));
            } else {
                out.add(new BulkLine(line.lineNumber(), "", "", "", "", reason(line.code(), line.error(),
                        line.args().toArray()), null));
            }
        });
        SaleEngine e = o.engine();
        Money available = e.coverage(Operator.INWI, Money.ofCentimes(1)).available();
        return new Preview(f, out, good[0], Money.ofCentimes(total[0]), Money.ofCentimes(estimate[0]), available);
    }

    /** Sends the good lines through the engine; a second run of the same file sells nothing twice. */
    public void confirm() {
        if (!canConfirm.get() || file == null) {
            return;
        }
        canConfirm.set(false);
        running.set(true);
        sent.set(true);
        message.set(i18n.get("bulk.sending"));
        BatchFile f = file;
        unsubscribe.run();
        unsubscribe = () -> { };
        work.run(() -> {
            Office o = office.await();
            SaleEngine e = o.engine();
            Runnable handle = e.subscribe(new EngineListener() {
                @Override
                public void saleChanged(Sale sale) {
                    work.onUiThread(() -> update(sale));
                }
            });
            work.onUiThread(() -> unsubscribe = handle);
            BatchRun run = o.beginBatch(f, false);
            return run.record(outcome -> work.onUiThread(() -> recorded(outcome)));
        }, s -> {
            message.set(i18n.get("bulk.recorded", s.recorded(), s.earlier(), s.conflicts() + s.bad()));
            updateProgress();
        }, t -> {
            running.set(false);
            message.set(ErrorText.of(t, i18n));
        });
    }

    private void recorded(BatchRun.Outcome o) {
        int i = indexOfLine(o.lineNumber());
        if (i < 0) {
            return;
        }
        switch (o.kind()) {
            case RECORDED, EARLIER -> {
                rowOfReference.put(o.sale().externalReference(), i);
                lines.set(i, lines.get(i).withSale(o.sale()));
            }
            case CONFLICT -> lines.set(i, lines.get(i).withError(i18n.get("error.reference.duplicate")));
            case BAD -> { }
        }
        updateProgress();
    }

    private void update(Sale s) {
        Integer i = rowOfReference.get(s.externalReference());
        if (i != null) {
            lines.set(i, lines.get(i).withSale(s));
            updateProgress();
        }
    }

    private int indexOfLine(int lineNumber) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineNumber() == lineNumber) {
                return i;
            }
        }
        return -1;
    }

    private void updateProgress() {
        long good = lines.stream().filter(BulkLine::good).count();
        long done = lines.stream().filter(l -> l.good() && l.sale() != null && SaleEngine.isFinal(l.sale())).count();
        progress.set(good == 0 ? 1 : (double) done / good);
        if (running.get() && done == good && rowOfReference.size() == good) {
            running.set(false);
            message.set(i18n.get("bulk.finished", done));
        }
    }

    /** Cancels every line whose sale has not left yet (still queued); the others go on. */
    public void cancel() {
        List<String> queued = lines.stream().filter(l -> l.sale() != null && l.sale().state() == SaleState.QUEUED)
                .map(l -> l.sale().externalReference()).toList();
        work.run(() -> {
            SaleEngine e = office.await().engine();
            List<Sale> cancelled = new ArrayList<>();
            for (String ref : queued) {
                try {
                    cancelled.add(e.cancel(ref));
                } catch (DomainException | IllegalStateException refused) {
                    // it left meanwhile: it goes on and its result comes as usual
                }
            }
            return cancelled;
        }, cancelled -> {
            cancelled.forEach(this::update);
            message.set(i18n.get("bulk.cancelled", cancelled.size(), queued.size() - cancelled.size()));
        }, t -> message.set(ErrorText.of(t, i18n)));
    }

    /** Header of the results file. */
    public static final List<String> RESULT_HEADER = List.of("line", "phone", "operator", "value", "type",
            "external_reference", "state", "status_code", "ref_interne", "billing_amount", "error");

    /** Saves every line's result as CSV (UTF-8, header). */
    public void exportResults() {
        Optional<Path> out = files.saveAs("hanout-lot-" + fileName.get().replaceAll("\\.csv$", "") + "-resultats.csv");
        if (out.isEmpty()) {
            return;
        }
        List<BulkLine> snapshot = List.copyOf(lines);
        Office.CsvStyle style = Office.CsvStyle.forLanguage(i18n.language());
        work.run(() -> {
            try (Writer w = Files.newBufferedWriter(out.get(), StandardCharsets.UTF_8);
                    CSVPrinter p = new CSVPrinter(w, SaleCsv.format(style.delimiter()))) {
                p.printRecord(RESULT_HEADER);
                for (BulkLine l : snapshot) {
                    Sale s = l.sale();
                    p.printRecord(l.lineNumber(), s == null ? l.phone() : s.phone().national(),
                            s == null ? l.operator() : s.operator().wireName(),
                            s == null ? l.value() : decimal(SaleCsv.amount(s.value()), style),
                            s == null ? l.type() : s.promo().wire(), s == null ? "" : s.externalReference(),
                            s == null ? "" : s.state().name(), s == null || s.status() == null ? "" : s.status().code(),
                            s == null || s.refInterne() == null ? "" : s.refInterne(),
                            s == null || s.billingAmount() == null ? "" : decimal(SaleCsv.amount(s.billingAmount()), style),
                            l.error() != null ? l.error() : s != null && s.errorCode() != null ? s.errorCode() : "");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out.get();
        }, p -> message.set(i18n.get("bulk.results_saved", p.toString())), t -> message.set(ErrorText.of(t, i18n)));
    }

    private static String decimal(String amount, Office.CsvStyle style) {
        return style.decimal() == '.' ? amount : amount.replace('.', style.decimal());
    }

    /**
     * Why a line or a file is refused, in the screen's language: the sentence of its code
     * ({@code error.batch.columns}, {@code phone.too_short}…), else the file reader's English.
     */
    private String reason(String code, String english, Object... args) {
        if (code != null) {
            for (String key : new String[] {"error." + code, code}) {
                if (i18n.has(key)) {
                    return i18n.get(key, args);
                }
            }
        }
        return english;
    }

    /** The line's result in the screen's words. */
    public String result(BulkLine l) {
        if (l.error() != null) {
            return i18n.get("bulk.line_refused", l.error());
        }
        Sale s = l.sale();
        if (s == null) {
            return sent.get() ? i18n.get("bulk.waiting") : i18n.get("bulk.line_ok");
        }
        return switch (s.state()) {
            case QUEUED -> i18n.get("bulk.queued");
            case CANCELLED -> i18n.get("state.CANCELLED");
            case REJECTED -> i18n.get("state.REJECTED") + (s.errorCode() == null ? ""
                    : " — " + ErrorText.ofCode(s.errorCode(), s.errorMessage(), i18n));
            case ACCEPTED -> s.status() == null ? i18n.get("state.ACCEPTED")
                    : s.status().meaning(i18n.language(), s.phone().national());
            default -> i18n.get("state." + s.state().name());
        };
    }

    public void dispose() {
        unsubscribe.run();
    }

    public ObservableList<BulkLine> lines() {
        return lines;
    }

    public ReadOnlyStringProperty fileNameProperty() {
        return fileName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Set when the known balance cannot cover the file: how much is missing. */
    public ReadOnlyStringProperty shortfallProperty() {
        return shortfall.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canConfirmProperty() {
        return canConfirm.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
