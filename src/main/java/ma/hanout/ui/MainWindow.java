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
     */
    public record Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage,
            ShopSession session) {
        public Services(EngineAccess engine, BackgroundWork work, Clock clock, Consumer<Language> saveLanguage) {
            this(engine, work, clock, saveLanguage, null);
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
        Services services = new Services(scoped, given.work(), given.clock(), given.saveLanguage(), given.session());
        I18n i18n = new I18n(lang);
        DialogService dialogs = new FxDialogService(i18n,
                () -> this.root == null || this.root.getScene() == null ? null : this.root.getScene().getWindow());
        StatusBarViewModel statusVm = new StatusBarViewModel(i18n, services.engine(), services.work());
        disposers.add(statusVm::dispose);
        PinPadViewModel pinVm = services.session() == null ? null
                : new PinPadViewModel(i18n, services.session(), services.work(), services.clock());
        CounterViewModel counterVm = CounterViewModel.withCashier(i18n, services.engine(), services.work(),
                pinVm == null ? () -> null : pinVm::cashierName);
        disposers.add(counterVm::dispose);
        counter = new CounterView(counterVm);
        Node counterNode = counter.create();
        QueueViewModel queueVm = new QueueViewModel(i18n, services.engine(), services.work(), dialogs, services.clock());
        disposers.add(queueVm::dispose);
        HistoryViewModel historyVm = new HistoryViewModel(i18n, services.engine(), services.work(),
                services.clock().getZone());
        SettingsViewModel settings = pinVm == null ? null : new SettingsViewModel(i18n, services.session(),
                services.work(), given.engine(),
                pinVm::actorName);
        shell = new ShellViewModel(i18n, services.work(), services.saveLanguage(), applyLanguage,
                msg -> dialogs.showError(i18n.get("app.language"), msg));
        ShellView shellView = new ShellView(shell, i18n, screen -> switch (screen) {
            case COUNTER -> counterNode;
            case QUEUE -> {
                QueueView v = new QueueView(queueVm);
                disposers.add(v::dispose);
                yield v.create();
            }
            case HISTORY -> new HistoryView(historyVm).create();
            case SETTINGS -> settings == null ? new Label(i18n.get("settings.title"))
                    : new SettingsView(settings, i18n, next -> shell.changeLanguage(next)).create();
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
