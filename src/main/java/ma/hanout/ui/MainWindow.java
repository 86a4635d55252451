package ma.hanout.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TextField;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import ma.hanout.app.ShopSession;
import ma.hanout.ui.pin.IdleLock;
import ma.hanout.ui.pin.PinPadView;
import ma.hanout.ui.pin.PinPadViewModel;
import ma.hanout.ui.settings.SettingsView;
import ma.hanout.ui.settings.SettingsViewModel;
import ma.hanout.domain.Language;
import ma.hanout.ui.counter.CounterView;
import ma.hanout.ui.counter.CounterViewModel;
import ma.hanout.ui.history.HistoryView;
import ma.hanout.ui.history.HistoryViewModel;
import ma.hanout.ui.queue.QueueView;
import ma.hanout.ui.queue.QueueViewModel;
import ma.hanout.ui.shell.Screen;
import ma.hanout.ui.shell.ShellView;
import ma.hanout.ui.shell.ShellViewModel;
import ma.hanout.ui.statusbar.StatusBarView;
import ma.hanout.ui.statusbar.StatusBarViewModel;

/**
 * The screens of the window in one language, wired by constructor: the composition root of the UI.
 * Changing language builds a new one; the engine stays.
 */
public final class MainWindow {

    /**
     * What every screen is built with.
     *
     * @param saveLanguage stores the language setting (called on a background thread)
     * @param session      the shop's settings, users and account switch; null: none (no PIN pad, no settings)
     * @param receipts     printing and previews; unavailable: no receipt buttons
     */
    public record Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage,
            ShopSession session, OfficeAccess office, ma.hanout.ui.receipt.ReceiptAccess receipts) {
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage) {
            this(engine, work, clock, saveLanguage, null, OfficeAccess.none(), ma.hanout.ui.receipt.ReceiptAccess.unavailable());
        }

        /** With the shop's session, without the owner's office (its screen then says so) and without receipts. */
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage,
                ShopSession session) {
            this(engine, work, clock, saveLanguage, session, OfficeAccess.none(),
                    ma.hanout.ui.receipt.ReceiptAccess.unavailable());
        }

        /** With the owner's office, without a session (no PIN pad, no settings) and without receipts. */
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage,
                OfficeAccess office) {
            this(engine, work, clock, saveLanguage, null, office, ma.hanout.ui.receipt.ReceiptAccess.unavailable());
        }

        /** With receipts, without the owner's office. */
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage,
                ShopSession session, ma.hanout.ui.receipt.ReceiptAccess receipts) {
            this(engine, work, clock, saveLanguage, session, OfficeAccess.none(), receipts);
        }

        /** With the session and the office, without receipts (no receipt buttons). */
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage,
                ShopSession session, OfficeAccess office) {
            this(engine, work, clock, saveLanguage, session, office, ma.hanout.ui.receipt.ReceiptAccess.unavailable());
        }
    }

    private final List<Runnable> disposers = new ArrayList<>();
    private Parent root;
    private final CounterView counter;
    private final CounterViewModel counterVm;
    private final ShellViewModel shell;
    private ma.hanout.ui.office.OfficeView office;
    /** The cashier's own till screen, once built. */
    private ma.hanout.ui.shifts.ShiftsViewModel ownShift;
    private final HistoryViewModel history;
    /** Receipts of this window; null when it has none. */
    private final ma.hanout.ui.receipt.ReceiptViewModel receiptVm;
    private final DialogService dialogs;
    private final I18n i18n;

    private MainWindow(Language lang, Services given, Consumer<Language> applyLanguage, DialogService answering) {
        // this window's screens follow the engine through a scope that ends with the window
        EngineAccess scoped = given.engine().scope();
        disposers.add(scoped::close);
        Services services = new Services(scoped, given.work(), given.clock(), given.saveLanguage(), given.session(),
                given.office(), given.receipts());
        i18n = new I18n(lang);
        dialogs = answering != null ? answering : new FxDialogService(i18n,
                () -> this.root == null || this.root.getScene() == null ? null : this.root.getScene().getWindow());
        StatusBarViewModel statusVm = new StatusBarViewModel(i18n, services.engine(), services.work(),
                services.office());
        disposers.add(statusVm::dispose);
        PinPadViewModel pinVm = services.session() == null ? null
                : new PinPadViewModel(i18n, services.session(), services.work(), services.clock());
        counterVm = CounterViewModel.withCashier(i18n, services.engine(), services.work(),
                pinVm == null ? () -> null : pinVm::cashierName);
        disposers.add(counterVm::dispose);
        counter = new CounterView(counterVm);
        Node counterNode = counter.create();
        receiptVm = receipts(i18n, services, counterVm, pinVm);
        QueueViewModel queueVm = new QueueViewModel(i18n, services.engine(), services.work(), dialogs, services.clock());
        disposers.add(queueVm::dispose);
        HistoryViewModel historyVm = new HistoryViewModel(i18n, services.engine(), services.work(),
                services.clock().getZone());
        SettingsViewModel settings = pinVm == null ? null : new SettingsViewModel(i18n, services.session(),
                services.work(), given.engine(),
                pinVm::actorName);
        history = historyVm;
        ma.hanout.ui.shifts.ShiftsViewModel.CloseApproval closeApproval = pinVm == null
                ? ma.hanout.ui.shifts.ShiftsViewModel.CloseApproval.NONE : pinVm::requestShiftClose;
        shell = new ShellViewModel(i18n, services.work(), services.saveLanguage(), applyLanguage,
                msg -> dialogs.showError(i18n.get("app.language"), msg));
        ShellView shellView = new ShellView(shell, i18n, screen -> switch (screen) {
            case COUNTER -> counterNode;
            case QUEUE -> {
                QueueView v = new QueueView(queueVm);
                disposers.add(v::dispose);
                yield v.create();
            }
            case HISTORY -> {
                HistoryView v = new HistoryView(historyVm);
                Parent p = v.create();
                if (receiptVm != null) {
                    v.hostDetailsActions(new ma.hanout.ui.receipt.ReceiptActions(receiptVm, historyVm.selectedProperty()).create());
                }
                yield p;
            }
            case SETTINGS -> settings == null ? new Label(i18n.get("settings.title"))
                    : new SettingsView(settings, i18n, next -> shell.changeLanguage(next)).create();
            case OFFICE -> {
                office = new ma.hanout.ui.office.OfficeView(i18n, services, dialogs, closeApproval);
                disposers.add(office::dispose);
                yield office.create();
            }
            case SHIFT -> {
                // the cashier's own till: only the signed-in cashier's shift and past shifts
                ownShift = new ma.hanout.ui.shifts.ShiftsViewModel(i18n, services.office(), services.work(),
                        () -> ma.hanout.ui.office.OfficeView.signedIn(services.session()), services.clock().getZone(),
                        new ma.hanout.ui.shifts.ShiftsViewModel.Printing(services.receipts(),
                                ma.hanout.ui.shifts.ShiftsView.pdfChoice(i18n, dialogs)),
                        closeApproval, true);
                yield new ma.hanout.ui.shifts.ShiftsView(ownShift).create();
            }
        }, withUser(new StatusBarView(statusVm, i18n).create(), pinVm, i18n), screen -> {
            switch (screen) {
                case COUNTER -> counter.focusPhone();
                case QUEUE -> queueVm.refresh();
                case HISTORY -> { }
                case SETTINGS -> {
                    if (settings != null) {
                        settings.setValues();
                    }
                }
                case OFFICE -> office.shown();
                case SHIFT -> ownShift.refresh();
            }
        });
        Parent shellRoot = shellView.create();
        if (pinVm == null) {
            root = shellRoot;
        } else {
            shell.setGate(pinVm::requestScreen);
            IdleLock idle = new IdleLock(pinVm, services.work());
            disposers.add(idle::stop);
            StackPane layers = new StackPane(shellRoot, new PinPadView(pinVm, i18n).create());
            idle.watch(layers);
            root = layers;
            services.engine().whenReady(e -> services.work().onUiThread(pinVm::start));
        }
    }

    /** The status bar with who is at the counter and "switch user" at its end. */
    private static Node withUser(Node statusBar, PinPadViewModel pinVm, I18n i18n) {
        if (pinVm == null) {
            return statusBar;
        }
        Label who = new Label();
        who.setId("status-user");
        who.getStyleClass().addAll("status-item", "user-chip");
        who.textProperty().bind(pinVm.signedInLabelProperty());
        Button change = new Button(i18n.get("pin.switch_user"));
        change.setId("switch-user");
        change.setFocusTraversable(false);
        change.setOnAction(e -> pinVm.lock());
        change.visibleProperty().bind(pinVm.switchableProperty());
        change.managedProperty().bind(pinVm.switchableProperty());
        HBox bar = new HBox(12, statusBar, who, change);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(0, 12, 0, 0));
        HBox.setHgrow(statusBar, Priority.ALWAYS);
        return bar;
    }

    /** Receipts on the counter (print on success, preview, slip) and in history; null when the window has none. */
    private ma.hanout.ui.receipt.ReceiptViewModel receipts(I18n i18n, Services services, CounterViewModel counterVm,
            PinPadViewModel pinVm) {
        if (!services.receipts().isAvailable()) {
            return null;
        }
        ma.hanout.ui.receipt.ReceiptViewModel vm = new ma.hanout.ui.receipt.ReceiptViewModel(i18n, services.receipts(),
                services.work(), new ma.hanout.ui.receipt.FxReceiptPreview(i18n,
                        () -> root == null || root.getScene() == null ? null : root.getScene().getWindow()),
                () -> {
                    // who prints, for the audit log: the signed-in cashier, else this computer's user
                    String who = pinVm == null ? null : pinVm.cashierName();
                    return who != null && !who.isBlank() ? who : "desktop:" + System.getProperty("user.name", "unknown");
                });
        vm.follow(counterVm.currentSaleProperty());
        disposers.add(vm::dispose);
        counter.hostUnderCurrentSale(new ma.hanout.ui.receipt.ReceiptBar(vm).create());
        return vm;
    }

    /** Builds the window's content in {@code lang}; {@code applyLanguage} is called when the cashier picks another. */
    public static MainWindow build(Language lang, Services services, Consumer<Language> applyLanguage) {
        return new MainWindow(lang, services, applyLanguage, null);
    }

    /** As {@link #build(Language, Services, Consumer)} with {@code dialogs} answering the questions (tests). */
    public static MainWindow build(Language lang, Services services, Consumer<Language> applyLanguage,
            DialogService dialogs) {
        return new MainWindow(lang, services, applyLanguage, dialogs);
    }

    public Parent root() {
        return root;
    }

    /** The counter's phone field: it has the focus when the counter is ready for a sale. */
    public TextField phoneField() {
        return counter.phoneField();
    }

    public ShellViewModel shell() {
        return shell;
    }

    /** The history screen's view model (its rows are loaded once the screen is first shown). */
    public HistoryViewModel history() {
        return history;
    }

    /**
     * Carries on from {@code before}, the window this one replaces after a change of language:
     * the same screen, and the counter's sale being typed and sale in flight.
     */
    public void continueFrom(MainWindow before) {
        if (receiptVm != null && before.receiptVm != null) {
            receiptVm.continueFrom(before.receiptVm); // first: the sale taken over below printed already
        }
        counterVm.continueFrom(before.counterVm);
        shell.show(before.shell.screenProperty().get());
    }

    /** Whether the counter's current sale is still on its way (no outcome yet). */
    public boolean saleInFlight() {
        ma.hanout.domain.Sale s = counterVm.currentSaleProperty().get();
        return s != null && !ma.hanout.ui.sale.SaleStage.of(s).isOutcome();
    }

    /** The dialogs of this window, in its language. */
    public DialogService dialogs() {
        return dialogs;
    }

    /** The language this window is in. */
    public I18n i18n() {
        return i18n;
    }

    /** Stops listening to the engine. */
    public void dispose() {
        disposers.forEach(Runnable::run);
    }
}
