package ma.hanout.ui.counter;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.InvalidPhoneException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.Coverage;
import ma.hanout.engine.EngineListener;
import ma.hanout.engine.EngineStatus;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.sale.SaleExplanation;

/**
 * The counter: what is being typed, what will be sold, the confirmation, the current sale's live
 * status and the recent sales. Plain properties and command methods; no UI node.
 */
public final class CounterViewModel {
    /** How many recent sales the counter lists. */
    public static final int RECENT = 12;

    /** Why the operator is pre-selected. */
    public enum OperatorSource { NONE, PREFIX, LAST_SALE, CASHIER }

    private final I18n i18n;
    private final EngineAccess engine;
    private final BackgroundWork work;
    private final java.util.function.Supplier<String> cashier;

    private final StringProperty phoneText = new SimpleStringProperty(this, "phoneText", "");
    private final ReadOnlyObjectWrapper<Phone> phone = new ReadOnlyObjectWrapper<>(this, "phone");
    private final ReadOnlyStringWrapper phoneError = new ReadOnlyStringWrapper(this, "phoneError", "");
    private final ReadOnlyObjectWrapper<Operator> operator = new ReadOnlyObjectWrapper<>(this, "operator");
    private final ReadOnlyObjectWrapper<OperatorSource> operatorSource =
            new ReadOnlyObjectWrapper<>(this, "operatorSource", OperatorSource.NONE);
    private final ObservableList<Promo> promos = FXCollections.observableArrayList();
    private final ObservableList<Promo> promosView = FXCollections.unmodifiableObservableList(promos);
    private final ReadOnlyObjectWrapper<Promo> promo = new ReadOnlyObjectWrapper<>(this, "promo", Promo.PLAIN);
    private final ReadOnlyObjectWrapper<Money> amount = new ReadOnlyObjectWrapper<>(this, "amount");
    private final StringProperty freeAmountText = new SimpleStringProperty(this, "freeAmountText", "");
    private final ReadOnlyStringWrapper amountError = new ReadOnlyStringWrapper(this, "amountError", "");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<SaleConfirmation> confirmation = new ReadOnlyObjectWrapper<>(this, "confirmation");
    private final ReadOnlyObjectWrapper<Sale> currentSale = new ReadOnlyObjectWrapper<>(this, "currentSale");
    private final ReadOnlyObjectWrapper<SaleExplanation> currentExplanation =
            new ReadOnlyObjectWrapper<>(this, "currentExplanation");
    private final ObservableList<Sale> recentSales = FXCollections.observableArrayList();
    // one read-only view each, kept: a view made per call listens weakly and goes quiet once collected
    private final ObservableList<Sale> recentView = FXCollections.unmodifiableObservableList(recentSales);
    private final ReadOnlyIntegerWrapper phoneFocusRequests = new ReadOnlyIntegerWrapper(this, "phoneFocusRequests");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online", true);

    private boolean attempted;
    private boolean settingQuickAmount;
    private long operatorLookup;
    private Runnable unsubscribe = () -> { };

    public CounterViewModel(I18n i18n, EngineAccess engine, BackgroundWork work, String cashier) {
        this(i18n, engine, work, (java.util.function.Supplier<String>) () -> cashier);
    }

    /** @param cashier who is at the counter now, asked at each sale (the user can change), or null */
    public static CounterViewModel withCashier(I18n i18n, EngineAccess engine, BackgroundWork work,
            java.util.function.Supplier<String> cashier) {
        return new CounterViewModel(i18n, engine, work, cashier);
    }

    private CounterViewModel(I18n i18n, EngineAccess engine, BackgroundWork work,
            java.util.function.Supplier<String> cashier) {
        this.i18n = i18n;
        this.engine = engine;
        this.work = work;
        this.cashier = cashier;
        phoneText.addListener((obs, was, now) -> phoneChanged());
        freeAmountText.addListener((obs, was, now) -> freeAmountChanged());
        engine.whenReady(this::engineReady);
    }

    private void engineReady(SaleEngine e) {
        Runnable handle = e.subscribe(new EngineListener() {
            @Override
            public void saleChanged(Sale sale) {
                work.onUiThread(() -> CounterViewModel.this.saleChanged(sale));
            }

            @Override
            public void statusChanged(EngineStatus status) {
                work.onUiThread(() -> CounterViewModel.this.statusChanged(status));
            }
        });
        work.onUiThread(() -> unsubscribe = handle);
        work.run(() -> new Snapshot(e.reads().recent(RECENT), e.status()), snap -> {
            statusChanged(snap.status());
            for (Sale s : snap.recent()) {
                // events may have arrived first: never replace a newer row with an older one
                if (recentSales.stream().noneMatch(r -> r.externalReference().equals(s.externalReference()))) {
                    recentSales.add(s);
                }
            }
            sortRecent();
        }, failure -> formError.set(ErrorText.of(failure, i18n)));
    }

    private record Snapshot(List<Sale> recent, EngineStatus status) {
    }

    // ---- typing ---------------------------------------------------------------------------------

    private void phoneChanged() {
        formError.set("");
        Phone p = null;
        String error = "";
        String text = phoneText.get();
        try {
            p = Phone.parse(text);
        } catch (InvalidPhoneException e) {
            // while the number is still being typed, "too short" is not news
            boolean stillTyping = e.reason() == InvalidPhoneException.Reason.TOO_SHORT
                    || e.reason() == InvalidPhoneException.Reason.EMPTY;
            if (attempted || !stillTyping) {
                error = i18n.get(e.code());
            }
        }
        phoneError.set(error);
        Phone before = phone.get();
        phone.set(p);
        if (p != null && !p.equals(before)) {
            preselectOperator(p);
        }
    }

    private void preselectOperator(Phone p) {
        if (operatorSource.get() == OperatorSource.CASHIER) {
            return;
        }
        Operator.hintFor(p).ifPresent(o -> setOperator(o, OperatorSource.PREFIX));
        long lookup = ++operatorLookup;
        work.run(() -> engine.await().reads().lastOperatorFor(p), last -> {
            // the number may have changed meanwhile, and the cashier's choice always wins
            if (lookup == operatorLookup && p.equals(phone.get()) && operatorSource.get() != OperatorSource.CASHIER) {
                last.ifPresent(o -> setOperator(o, OperatorSource.LAST_SALE));
            }
        }, failure -> { });
    }

    /** The cashier picks the operator (a button or its key); it stays until the next sale. */
    public void selectOperator(Operator o) {
        setOperator(o, OperatorSource.CASHIER);
    }

    private void setOperator(Operator o, OperatorSource source) {
        operatorSource.set(source);
        if (o == operator.get()) {
            return;
        }
        operator.set(o);
        List<Promo> offered = Promo.offeredFor(o);
        promos.setAll(offered);
        if (!offered.contains(promo.get())) {
            promo.set(Promo.PLAIN);
        }
        formError.set("");
    }

    /** Picks an offer; one the operator does not have is ignored. */
    public void selectPromo(Promo p) {
        if (operator.get() == null || Promo.offeredFor(operator.get()).contains(p)) {
            promo.set(p);
        }
    }

    /** Picks the offer dialled as {@code *digit}; {@code 0} is the plain recharge. */
    public boolean selectPromoByDigit(int digit) {
        if (digit < 0 || digit > 9) {
            return false;
        }
        Promo p = new Promo(digit);
        if (operator.get() != null && !Promo.offeredFor(operator.get()).contains(p)) {
            return false;
        }
        promo.set(p);
        return true;
    }

    /** A quick amount button or its key. */
    public void selectAmount(Money value) {
        settingQuickAmount = true;
        try {
            freeAmountText.set("");
        } finally {
            settingQuickAmount = false;
        }
        amount.set(value);
        amountError.set("");
        formError.set("");
    }

    private void freeAmountChanged() {
        if (settingQuickAmount) {
            return;
        }
        formError.set("");
        String text = freeAmountText.get();
        if (text == null || text.isBlank()) {
            amount.set(null);
            amountError.set("");
            return;
        }
        try {
            Money m = Money.parse(text);
            if (!m.isPositive()) {
                amount.set(null);
                amountError.set(i18n.get("counter.amount.not_positive"));
                return;
            }
            amount.set(m);
            amountError.set("");
        } catch (DomainException e) {
            amount.set(null);
            amountError.set(ErrorText.ofCode(e.code(), e.getMessage(), i18n));
        }
    }

    // ---- selling --------------------------------------------------------------------------------

    /**
     * Enter on the form: checks what is missing, then asks the engine whether the known balance
     * covers it and opens the confirmation.
     */
    public void requestSale() {
        if (busy.get() || confirmation.get() != null) {
            return;
        }
        attempted = true;
        phoneChanged();
        Phone p = phone.get();
        Operator o = operator.get();
        Money m = amount.get();
        if (p == null) {
            formError.set(phoneError.get().isEmpty() ? i18n.get("phone.empty") : phoneError.get());
            requestPhoneFocus();
            return;
        }
        if (o == null) {
            formError.set(i18n.get("counter.operator.missing"));
            return;
        }
        if (m == null) {
            formError.set(amountError.get().isEmpty() ? i18n.get("counter.amount.missing") : amountError.get());
            return;
        }
        Promo promoNow = promo.get();
        busy.set(true);
        work.run(() -> {
            SaleEngine e = engine.await();
            Money max = e.maxValue();
            // above what one recharge may be the API refuses it: say so now, with the limit, not after the read-back
            return m.compareTo(max) > 0 ? new Check(max, null) : new Check(max, e.coverage(o, m));
        }, check -> {
            busy.set(false);
            if (check.coverage() == null) {
                String tooMuch = i18n.get("counter.amount.above_limit", check.max().display());
                amountError.set(tooMuch);
                formError.set(tooMuch);
                return;
            }
            Coverage c = check.coverage();
            confirmation.set(new SaleConfirmation(p, o, promoNow, m, p.display(),
                    i18n.get(promoNow.labelKey(o)), m.display(), warning(c), c.covered() ? null : c.available(),
                    c.covered() ? null : c.estimatedBilling()));
        }, failure -> {
            busy.set(false);
            formError.set(ErrorText.of(failure, i18n));
        });
    }

    /** The limit checked before the read-back, and the coverage (null: above the limit, no read-back). */
    private record Check(Money max, Coverage coverage) {
    }

    private String warning(Coverage c) {
        if (c.covered()) {
            return null;
        }
        // the amounts go on their own left-to-right lines (ConfirmationView): inside an Arabic
        // sentence "304,72 DH" would come out as "(DH 304,72)"
        return i18n.get("confirm.balance_warning_alone");
    }

    /** Enter on the confirmation: the sale goes to the engine, which commits it before anything leaves. */
    public void confirmSale() {
        SaleConfirmation c = confirmation.get();
        if (c == null || busy.get()) {
            return;
        }
        busy.set(true);
        SaleRequest request = new SaleRequest(c.phone(), c.operator(), c.amount(), c.promo(), null,
                Sale.Origin.COUNTER, cashier.get());
        work.run(() -> engine.await().sell(request), sale -> {
            busy.set(false);
            confirmation.set(null);
            showCurrent(sale);
            saleChanged(sale);
            clearForm();
        }, failure -> {
            busy.set(false);
            confirmation.set(null);
            formError.set(ErrorText.of(failure, i18n));
        });
    }

    /** Escape on the confirmation: back to the form, nothing sold. */
    public void cancelConfirmation() {
        if (!busy.get()) {
            confirmation.set(null);
            requestPhoneFocus();
        }
    }

    /** Escape on the form: start over. */
    public void clearForm() {
        attempted = false;
        phoneText.set("");
        operator.set(null);
        operatorSource.set(OperatorSource.NONE);
        promos.clear();
        promo.set(Promo.PLAIN);
        selectAmountNone();
        formError.set("");
        phoneError.set("");
        requestPhoneFocus();
    }

    private void selectAmountNone() {
        settingQuickAmount = true;
        try {
            freeAmountText.set("");
        } finally {
            settingQuickAmount = false;
        }
        amount.set(null);
        amountError.set("");
    }

    private void requestPhoneFocus() {
        phoneFocusRequests.set(phoneFocusRequests.get() + 1);
    }

    // ---- live status ----------------------------------------------------------------------------

    private void showCurrent(Sale sale) {
        currentSale.set(sale);
        currentExplanation.set(SaleExplanation.of(sale, i18n, online.get()));
    }

    private void saleChanged(Sale sale) {
        Sale cur = currentSale.get();
        if (cur != null && cur.externalReference().equals(sale.externalReference())
                && !sale.updatedAt().isBefore(cur.updatedAt())) {
            showCurrent(sale);
        }
        upsertRecent(sale);
    }

    private void statusChanged(EngineStatus status) {
        online.set(status.online());
        Sale cur = currentSale.get();
        if (cur != null) {
            showCurrent(cur);
        }
    }

    private void upsertRecent(Sale sale) {
        for (int i = 0; i < recentSales.size(); i++) {
            Sale r = recentSales.get(i);
            if (r.externalReference().equals(sale.externalReference())) {
                if (!sale.updatedAt().isBefore(r.updatedAt())) {
                    recentSales.set(i, sale);
                }
                return;
            }
        }
        recentSales.add(0, sale);
        sortRecent();
    }

    private void sortRecent() {
        recentSales.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        if (recentSales.size() > RECENT) {
            recentSales.remove(RECENT, recentSales.size());
        }
    }

    /**
     * Takes over what the cashier was doing on {@code before}, the same counter in another
     * language: the sale being typed, its read-back, and the current sale's live card. Picking a
     * language must not make a cashier start a sale again or lose sight of the one in flight.
     */
    public void continueFrom(CounterViewModel before) {
        phoneText.set(before.phoneText.get());
        if (before.operator.get() != null) {
            setOperator(before.operator.get(), before.operatorSource.get());
        }
        promo.set(before.promo.get());
        if (!before.freeAmountText.get().isEmpty()) {
            freeAmountText.set(before.freeAmountText.get());
        } else if (before.amount.get() != null) {
            selectAmount(before.amount.get());
        }
        attempted = before.attempted;
        phoneChanged();
        online.set(before.online.get());
        Sale current = before.currentSale.get();
        if (current != null) {
            showCurrent(current);
        }
        for (Sale s : before.recentSales) {
            upsertRecent(s);
        }
        if (before.confirmation.get() != null) {
            // read back again, in the new language
            requestSale();
        }
    }

    /** Stops listening to the engine (the screen is being replaced). */
    public void dispose() {
        unsubscribe.run();
    }

    // ---- properties -----------------------------------------------------------------------------

    public StringProperty phoneTextProperty() {
        return phoneText;
    }

    public ReadOnlyObjectProperty<Phone> phoneProperty() {
        return phone.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneErrorProperty() {
        return phoneError.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Operator> operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OperatorSource> operatorSourceProperty() {
        return operatorSource.getReadOnlyProperty();
    }

    public ObservableList<Promo> promos() {
        return promosView;
    }

    public ReadOnlyObjectProperty<Promo> promoProperty() {
        return promo.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Money> amountProperty() {
        return amount.getReadOnlyProperty();
    }

    public StringProperty freeAmountTextProperty() {
        return freeAmountText;
    }

    public ReadOnlyStringProperty amountErrorProperty() {
        return amountError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SaleConfirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Sale> currentSaleProperty() {
        return currentSale.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SaleExplanation> currentExplanationProperty() {
        return currentExplanation.getReadOnlyProperty();
    }

    public ObservableList<Sale> recentSales() {
        return recentView;
    }

    /** Incremented whenever the phone field should take the focus (after a sale, on Escape). */
    public ReadOnlyIntegerProperty phoneFocusRequestsProperty() {
        return phoneFocusRequests.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    /** The i18n of this counter (for the view's cells). */
    public I18n i18n() {
        return i18n;
    }
}
