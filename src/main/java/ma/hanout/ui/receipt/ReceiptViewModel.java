package ma.hanout.ui.receipt;

import java.util.HashSet;
import java.util.Set;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import ma.hanout.app.Receipts;
import ma.hanout.domain.Sale;
import ma.hanout.receipt.PrintFailure;
import ma.hanout.receipt.Receipt;
import ma.hanout.receipt.ReceiptFormat;
import ma.hanout.receipt.ReceiptKind;
import ma.hanout.receipt.ReceiptLayout;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * Printing from the screens: the counter's print on success (setting {@code receipt.print_mode}:
 * always, ask with a small prompt that blocks nothing, or never), the preview, history's reprint
 * (a numbered copy) and the "not delivered" slip of a failed sale. Printing runs in the background;
 * the outcome is a message, and a failed print leaves the sale as it was.
 */
public final class ReceiptViewModel {
    /** Shows a receipt's PNG in a window of its own. */
    public interface PreviewWindow {
        void show(String title, byte[] png);
    }

    private final I18n i18n;
    private final ReceiptAccess receipts;
    private final BackgroundWork work;
    private final PreviewWindow preview;
    private final java.util.function.Supplier<String> actor;
    private final ReadOnlyObjectWrapper<Sale> offered = new ReadOnlyObjectWrapper<>(this, "offered");
    private final ReadOnlyObjectWrapper<Sale> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(this, "printing");
    /** Sales whose success was already acted on (printed, offered or left alone): a sale prints by itself once. */
    private final Set<String> settled = new HashSet<>();
    /** Sales printed from this window: printing one again is a copy. */
    private final Set<String> printed = new HashSet<>();
    private ChangeListener<Sale> following;
    private ObservableValue<Sale> followed;

    /** @param actor who prints, for the audit log (asked on the UI thread at each print) */
    public ReceiptViewModel(I18n i18n, ReceiptAccess receipts, BackgroundWork work, PreviewWindow preview,
            java.util.function.Supplier<String> actor) {
        this.i18n = i18n;
        this.receipts = receipts;
        this.work = work;
        this.preview = preview;
        this.actor = actor;
    }

    /** Follows the counter's current sale: the first time it is delivered, it prints per the setting. */
    public void follow(ObservableValue<Sale> sale) {
        unfollow();
        followed = sale;
        following = (obs, was, now) -> saleChanged(now);
        sale.addListener(following);
        saleChanged(sale.getValue());
    }

    public void dispose() {
        unfollow();
    }

    private void unfollow() {
        if (followed != null) {
            followed.removeListener(following);
            followed = null;
        }
    }

    void saleChanged(Sale sale) {
        current.set(sale);
        Sale offer = offered.get();
        if (offer != null && (sale == null || !offer.externalReference().equals(sale.externalReference()))) {
            offered.set(null); // the next sale began: the question is moot
        }
        if (sale == null || !sale.isDelivered() || !settled.add(sale.externalReference())) {
            return;
        }
        work.run(() -> receipts.await().printMode(), mode -> {
            switch (mode) {
                case ALWAYS -> print(sale, ReceiptKind.SALE);
                case ASK -> {
                    if (current.get() != null && current.get().externalReference().equals(sale.externalReference())) {
                        offered.set(sale);
                    }
                }
                case NEVER -> { }
            }
        }, this::failed);
    }

    /**
     * Carries on from the window this one replaces after a change of language: the sales already
     * printed or asked about stay so (the counter's sale is taken over next, and must not print twice).
     */
    public void continueFrom(ReceiptViewModel before) {
        settled.addAll(before.settled);
        printed.addAll(before.printed);
        offered.set(before.offered.get()); // the message is not: it is in the old language
    }

    /** Prints the receipt the prompt offers. */
    public void printOffered() {
        Sale s = offered.get();
        offered.set(null);
        if (s != null) {
            print(s, ReceiptKind.SALE);
        }
    }

    public void dismissOffer() {
        offered.set(null);
    }

    /** Prints the current sale's receipt (a copy when it was printed already), or its not-delivered slip. */
    public void printCurrent() {
        Sale s = current.get();
        if (s != null) {
            print(s, ReceiptLayout.isNotDelivered(s) ? ReceiptKind.NOT_DELIVERED : ReceiptKind.SALE);
        }
    }

    public void previewCurrent() {
        Sale s = current.get();
        if (s != null) {
            preview(s, ReceiptLayout.isNotDelivered(s) ? ReceiptKind.NOT_DELIVERED : ReceiptKind.SALE,
                    printed.contains(key(s, ReceiptKind.SALE)));
        }
    }

    /** History's reprint: always a numbered copy. */
    public void reprint(Sale sale) {
        run(sale, ReceiptKind.SALE, true);
    }

    public void print(Sale sale, ReceiptKind kind) {
        run(sale, kind, printed.contains(key(sale, kind)));
    }

    private void run(Sale sale, ReceiptKind kind, boolean copy) {
        printing.set(true);
        message.set(i18n.get("receipt.ui.printing"));
        String who = actor.get();
        work.run(() -> {
            Receipts r = receipts.await();
            Receipt receipt = r.receipt(sale, kind, copy, i18n.language());
            return r.print(receipt, null, null, who);
        }, done -> {
            printing.set(false);
            printed.add(key(sale, kind));
            message.set(done.copy() > 1 ? i18n.get("receipt.ui.reprinted", done.copy()) : i18n.get("receipt.ui.printed"));
        }, this::failed);
    }

    /** Opens the receipt's picture, as it would print. */
    public void preview(Sale sale, ReceiptKind kind, boolean copy) {
        work.run(() -> {
            Receipts r = receipts.await();
            return r.render(r.receipt(sale, kind, copy, i18n.language()), ReceiptFormat.PNG, null);
        }, png -> preview.show(i18n.get("receipt.ui.preview_title", sale.externalReference()), png), this::failed);
    }

    private void failed(Throwable t) {
        printing.set(false);
        Throwable e = t;
        while ((e instanceof java.util.concurrent.CompletionException
                || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof PrintFailure pf) {
            message.set(i18n.get("receipt.ui.failed." + pf.reason().name(), pf.printer()));
        } else if (e instanceof Receipts.NoPrinterSet) {
            message.set(i18n.get("receipt.ui.no_printer"));
        } else {
            message.set(ErrorText.of(e, i18n));
        }
    }

    private static String key(Sale s, ReceiptKind kind) {
        return s.externalReference() + "/" + kind;
    }

    /** The sale the counter asks about ("print the receipt?"), null when there is no question. */
    public ReadOnlyObjectProperty<Sale> offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    /** The counter's current sale. */
    public ReadOnlyObjectProperty<Sale> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The outcome of the last print, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
