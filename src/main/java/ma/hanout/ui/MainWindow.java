package ma.hanout.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TextField;
import ma.hanout.app.ShopSession;
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
            ShopSession session, ma.hanout.ui.receipt.ReceiptAccess receipts) {
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage) {
            this(engine, work, clock, saveLanguage, null);
        }

        /** A window without receipts. */
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage,
                ShopSession session) {
            this(engine, work, clock, saveLanguage, session, ma.hanout.ui.receipt.ReceiptAccess.unavailable());
        }
    }

    private final List<Runnable> disposers = new ArrayList<>();
    private Parent root;
    private final CounterView counter;
    private final ShellViewModel shell;

    private MainWindow(Language lang, Services given, Consumer<Language> applyLanguage) {
        // this window's screens follow the engine through a scope that ends with the window
        EngineAccess scoped = given.engine().scope();
        disposers.add(scoped::close);
        Services services = new Services(scoped, given.work(), given.clock(), given.saveLanguage(), given.session(),
                given.receipts());
        I18n i18n = new I18n(lang);
        DialogService dialogs = new FxDialogService(i18n,
                () -> this.root == null || this.root.getScene() == null ? null : this.root.getScene().getWindow());
        StatusBarViewModel statusVm = new StatusBarViewModel(i18n, services.engine(), services.work());
        disposers.add(statusVm::dispose);
        CounterViewModel counterVm = new CounterViewModel(i18n, services.engine(), services.work(), null);
        disposers.add(counterVm::dispose);
        counter = new CounterView(counterVm);
        Node counterNode = counter.create();
        ma.hanout.ui.receipt.ReceiptViewModel receiptVm = receipts(i18n, services, counterVm);
        QueueViewModel queueVm = new QueueViewModel(i18n, services.engine(), services.work(), dialogs, services.clock());
        disposers.add(queueVm::dispose);
        HistoryViewModel historyVm = new HistoryViewModel(i18n, services.engine(), services.work(),
                services.clock().getZone());
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
        }, new StatusBarView(statusVm, i18n).create(), screen -> {
            switch (screen) {
                case COUNTER -> counter.focusPhone();
                case QUEUE -> queueVm.refresh();
                case HISTORY -> { }
            }
        });
        root = shellView.create();
    }

    /** Receipts on the counter (print on success, preview, slip) and in history; null when the window has none. */
    private ma.hanout.ui.receipt.ReceiptViewModel receipts(I18n i18n, Services services, CounterViewModel counterVm) {
        if (!services.receipts().isAvailable()) {
            return null;
        }
        ma.hanout.ui.receipt.ReceiptViewModel vm = new ma.hanout.ui.receipt.ReceiptViewModel(i18n, services.receipts(),
                services.work(), new ma.hanout.ui.receipt.FxReceiptPreview(i18n,
                        () -> root == null || root.getScene() == null ? null : root.getScene().getWindow()),
                "desktop:" + System.getProperty("user.name", "unknown"));
        vm.follow(counterVm.currentSaleProperty());
        disposers.add(vm::dispose);
        counter.hostUnderCurrentSale(new ma.hanout.ui.receipt.ReceiptBar(vm).create());
        return vm;
    }

    /** Builds the window's content in {@code lang}; {@code applyLanguage} is called when the cashier picks another. */
    public static MainWindow build(Language lang, Services services, Consumer<Language> applyLanguage) {
        return new MainWindow(lang, services, applyLanguage);
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

    /** Stops listening to the engine. */
    public void dispose() {
        disposers.forEach(Runnable::run);
    }
}
